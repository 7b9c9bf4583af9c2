# Shared by the tests that build a site kept in git with set dates (sourced, not run).
# git_fixture: makes the current folder a repository with a committer of its own.
# commit_at DATE MESSAGE: commits every change (new files too) dated DATE, as author and as
# committer (an ISO 8601 time with its offset, e.g. 2024-03-01T10:00:00+08:00).
git_fixture() {
  git init -q
  git config user.email staff@example.org
  git config user.name Staff
}

commit_at() {
  git add -A
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -qm "$2"
}
