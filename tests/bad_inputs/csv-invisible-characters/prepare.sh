#!/usr/bin/env bash
# Characters a reader cannot see, in a CSV: a byte order mark where a second file was
# joined on (it was published inside the text 'North'), a figure with a no-break space
# after it (its help said "say the unit ' ' once"), thousands grouped with narrow no-break
# spaces. Messages show them as code points.
{
  printf 'region,year,count\n'
  printf 'South,2021,12\n'
  printf '\xef\xbb\xbfNorth,2021,14\n'
  printf 'East,2022\xc2\xa0,15\n'
  printf 'West,2022,1\xe2\x80\xaf234.5\n'
} >"$1/data/awards.csv"
