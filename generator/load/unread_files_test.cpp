#include "load/unread_files.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

std::string said(const std::optional<UnreadFile>& u) {
  return u ? u->message + " | " + u->hint : "-";
}

}  // namespace

TEST_CASE("unread_content_file: pages saved under another name say how to rename them") {
  CHECK(said(unread_content_file("stories/a.md")) == "-");
  CHECK(said(unread_content_file("stories/b.MD")) ==
        "this file is not read: a page's name ends in .md, in small letters | rename it to b.md");
  CHECK(said(unread_content_file("c.markdown")) ==
        "this file is not read: a page's name ends in .md | rename it to c.md");
  CHECK(said(unread_content_file("stories/d.zh-TW.md.txt")) ==
        "this file is not read: its name ends in .txt after .md (Windows hides the last part of "
        "a name) | rename it to d.zh-TW.md");
  CHECK(said(unread_content_file("e.txt")) ==
        "this file is not read: a page's name ends in .md | rename it to e.md");
  CHECK(said(unread_content_file("stories/report.DOCX")) ==
        "this file is not published: content/ holds the pages, written as .md text files | copy "
        "its text into a page (firefly new <collection> <name>), or put the file in static/ to "
        "offer it as a download");
  CHECK(said(unread_content_file("stories/roof.jpg")) ==
        "this image is not published: content/ holds the pages; images go in static/ | move it "
        "to static/images/roof.jpg and show it with ![what it shows](/images/roof.jpg)");
  CHECK(said(unread_content_file("stories/x.json")) ==
        "this file is not published: content/ holds the pages (.md files) | put it in "
        "static/stories/ to publish it as it is");
}

TEST_CASE("unread_content_file: files no one meant to publish are left alone") {
  for (const char* name :
       {"stories/.DS_Store", "a.md~", "stories/#a.md#", "stories/.a.md.swp", "Thumbs.db",
        "desktop.ini", "README.txt", "stories/LICENSE", ".gitkeep", "a.tmp"}) {
    CAPTURE(name);
    CHECK(said(unread_content_file(name)) == "-");
  }
}

TEST_CASE("unread_data_file: spreadsheets, capitals and folders") {
  CHECK(said(unread_data_file("a.csv")) == "-");
  CHECK(said(unread_data_file("a.yaml")) == "-");
  CHECK(said(unread_data_file("a.yml")) == "-");  // an error of its own (dataset.cpp)
  CHECK(said(unread_data_file("README.md")) == "-");
  CHECK(said(unread_data_file("A.CSV")) ==
        "this file is not read: a dataset's files end in .csv and .yaml, in small letters | "
        "rename it to A.csv");
  CHECK(said(unread_data_file("forums.xlsx")) ==
        "this spreadsheet is not read: a dataset is read from a CSV file beside its metadata | "
        "save the sheet as CSV UTF-8 in data/forums.csv, and describe it in data/forums.yaml "
        "(docs/open-data.md)");
  CHECK(said(unread_data_file("2024/forums.csv")) ==
        "this file is not read: datasets are read from data/ itself, not from its folders | "
        "move it to data/forums.csv");
  CHECK(said(unread_data_file("2024/notes.txt")) == "-");
  CHECK(said(unread_data_file("notes.txt")) ==
        "this file is not read: data/ holds datasets, each a .csv and a .yaml of the same name | "
        "put it in static/ to publish it as it is");
}

}  // namespace firefly
