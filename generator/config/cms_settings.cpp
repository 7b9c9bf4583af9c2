#include "config/cms_settings.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "config/base_url.h"
#include "config/site_yaml_values.h"
#include "core/host_name.h"
#include "core/text.h"

namespace firefly {

std::string git_branch_problem(std::string_view branch) {
  if (branch.empty()) return "is empty";
  for (unsigned char c : branch) {
    if (c < 0x20 || c == 0x7f) return "has a control character";
    if (c == ' ') return "has a space";
    if (std::string_view("~^:?*[\\").find(static_cast<char>(c)) != std::string_view::npos) {
      return "has '" + std::string(1, static_cast<char>(c)) +
             "', which git does not allow in a branch's name";
    }
  }
  if (branch.find("..") != std::string_view::npos)
    return "has '..', which git does not allow in a branch's name";
  if (branch.find("@{") != std::string_view::npos || branch == "@") {
    return "is not a branch's name to git (it reads '@' and '@{' as other commits)";
  }
  if (branch.front() == '-') return "starts with '-', which git reads as an option";
  if (branch.front() == '/' || branch.back() == '/' ||
      branch.find("//") != std::string_view::npos) {
    return "has an empty part between slashes";
  }
  for (size_t start = 0;;) {
    size_t end = branch.find('/', start);
    std::string_view part = branch.substr(start, end == std::string_view::npos ? end : end - start);
    if (part.front() == '.') return "has a part starting with '.', which git does not allow";
    if (part.size() >= 5 && part.substr(part.size() - 5) == ".lock") {
      return "has a part ending in '.lock', which git does not allow";
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (branch.back() == '.') return "ends with '.', which git does not allow";
  return "";
}

std::string cms_script_problem(std::string_view script) {
  // A scheme: a letter, then letters, digits, '+', '-' or '.', then ':' before any '/'.
  size_t colon = script.find(':');
  bool scheme =
      colon != std::string_view::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(script[0])) &&
      std::all_of(script.begin(), script.begin() + static_cast<long>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      });
  if (!scheme) return "";
  std::string name = lower_case(script.substr(0, colon));
  if (name != "http" && name != "https") {
    return "is a " + name + ": address, not where a script is loaded from";
  }
  return web_address_problem(script);
}

namespace config_detail {

namespace {

const char* const kPath = kSiteYaml;

}  // namespace

std::optional<CmsConfig> cms_settings(const Value& v, Diagnostics& diags) {
  if (!expect(v, v.is_map(), "cms (a map of settings: backend, repo, ...)", diags)) {
    return std::nullopt;
  }
  const size_t errors_before = diags.error_count();
  check_keys(v,
             {"backend", "repo", "branch", "api_root", "auth_url", "script", "editorial_workflow"},
             "cms", diags);
  CmsConfig cms;
  const std::vector<std::string> backends = {"github", "gitlab", "gitea"};
  if (const Value* b = v.find("backend")) {
    cms.backend = b->to_text();
    if (std::find(backends.begin(), backends.end(), cms.backend) == backends.end()) {
      std::string guess = did_you_mean(cms.backend, backends);
      diags.error(kPath, b->pos,
                  "cms backend '" + cms.backend + "' is not one of github, gitlab, gitea",
                  guess.empty() ? "write the git host the site's repository is on"
                                : "did you mean '" + guess + "'?");
    }
  } else {
    diags.error(kPath, v.pos, "cms needs the git host the site's repository is on",
                "add `backend: github`, `backend: gitlab` or `backend: gitea`");
  }
  cms.repo = v.get("repo").to_text();
  const size_t slash = cms.repo.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == cms.repo.size()) {
    diags.error(kPath, v.find("repo") ? v.get("repo").pos : v.pos,
                "cms needs the site's repository as owner/name", "add `repo: bureau/portal`");
  }
  if (const Value* b = v.find("branch")) {
    // An empty or impossible branch ('' or 'main"', a name pasted with a space) was
    // published in config.yml, and the editor failed at sign-in, far from site.yaml.
    cms.branch = b->to_text();
    if (std::string problem = git_branch_problem(cms.branch); !problem.empty()) {
      diags.error(kPath, b->pos, "cms branch " + in_quotes(cms.branch) + " " + problem,
                  "write the branch the site is published from, such as main");
    }
  }
  for (auto [key, target] : {std::pair{"api_root", &cms.api_root}, {"auth_url", &cms.auth_url}}) {
    if (const Value* u = v.find(key)) {
      *target = u->to_text();
      if (std::string problem = base_url_problem(*target); !problem.empty()) {
        diags.error(kPath, u->pos, "cms " + std::string(key) + " " + problem,
                    "write the service's full address, like https://git.example.gov.tw/");
      } else {
        *target = normalize_base_url(*target);
      }
    }
  }
  if (const Value* s = v.find("script")) {
    cms.script = s->to_text();
    if (cms.script.empty()) {
      diags.error(kPath, s->pos, "cms script is empty",
                  "give the address of the CMS's script, or remove `script:` for the default");
    } else if (std::string problem = cms_script_problem(cms.script); !problem.empty()) {
      // script: "data:text/javascript,..." ran code a change of site.yaml carried on the
      // page where staff sign in to the git host; javascript: loaded nothing.
      diags.error(kPath, s->pos, "cms script " + in_quotes(cms.script) + " " + problem,
                  "write an https:// address or a path on this site, such as "
                  "/admin/sveltia-cms.js, or remove `script:` for the default");
    }
  }
  if (const Value* w = v.find("editorial_workflow")) {
    cms.editorial_workflow = yes_no(w, "cms.editorial_workflow", diags, cms.editorial_workflow);
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return cms;
}

}  // namespace config_detail
}  // namespace firefly
