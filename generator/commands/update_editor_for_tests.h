// The random edits of the update property test (commands/update_test.cpp): every kind of
// edit an editor makes to the fixture site, breaks and their fixes.
#pragma once

#include <map>
#include <random>
#include <string>
#include <vector>

#include "commands/update_fixture_for_tests.h"

namespace firefly {

/// Applies random edits of every kind to a site, one at a time, as an editor would.
class RandomEditor {
 public:
  explicit RandomEditor(const SiteCopy& site) : site_(site) {}

  /// Makes one edit; returns what it did.
  std::string step() {
    if (!undo_.empty()) {  // the fix of the last step's break
      for (const auto& [rel, text] : undo_) site_.write(rel, text);
      undo_.clear();
      return "fix";
    }
    std::vector<std::string> stories = site_.stories();
    std::string story = stories[pick(stories.size())];
    std::string text = site_.read(story);
    int n = ++count_;
    std::string num = std::to_string(n);
    switch (pick(21)) {
      case 0:
        site_.write(story, text + "\nMore text " + num + ".\n");
        return "text " + story;
      case 1: {  // a new first paragraph: a new summary
        size_t body = text.find("---", 3) + 4;
        site_.write(story, text.insert(body, "Opening " + num + ".\n\n"));
        return "summary " + story;
      }
      case 2:
        site_.write(story, set_line(text, "title:", "title: Title " + num));
        return "title " + story;
      case 3:
        site_.write(story,
                    set_line(text, "date:",
                             "date: 202" + std::to_string(pick(5)) + "-0" +
                                 std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10))));
        return "date " + story;
      case 4: {
        // "Repair" and "repair" share a page, named as the first page writes it.
        const char* tags[] = {"volunteers", "repair", "youth", "志工", "Repair", "gardening"};
        std::string list = std::string(tags[pick(6)]) + ", " + tags[pick(6)];
        site_.write(story, set_line(text, "tags:", "tags: [" + list + "]"));
        return "tags " + story;
      }
      case 5: {
        std::string lang = pick(2) ? "en" : "zh-TW";
        std::string rel = "content/stories/new-" + num + "." + lang + ".md";
        site_.write(rel, "---\ntitle: New " + num + "\ndate: 2024-0" + std::to_string(1 + pick(9)) +
                             "-02\nprogram: " + (pick(2) ? "learning" : "health") +
                             "\ntags: [repair]\n---\nA new story, number " + num + ".\n");
        return "new " + rel;
      }
      case 6: {  // the stories of the fixture stay: other stories link to them
        std::vector<std::string> added;
        for (const std::string& s : stories) {
          if (s.find("/new-") != std::string::npos) added.push_back(s);
        }
        if (added.empty()) return "nothing to delete";
        std::string gone = added[pick(added.size())];
        site_.remove(gone);
        return "delete " + gone;
      }
      case 7: {  // a link to another story
        std::string other = "story-" + std::to_string(1 + pick(3));
        site_.write(story, text + "\nSee [" + other + "](../" + other + "/).\n");
        return "link " + story;
      }
      case 8: {
        std::string csv = site_.read("data/counts.csv");
        site_.write("data/counts.csv", csv + "20" + std::to_string(30 + n % 60) + "," +
                                           std::to_string(1000 + pick(500)) + ",\n");
        return "rows";
      }
      case 9: {  // a dataset's title (in one language or both) or its description
        std::string yaml = site_.read("data/counts.yaml");
        switch (pick(3)) {
          case 0:
            site_.write("data/counts.yaml", set_line(yaml, "title:",
                                                     "title: {zh-TW: 參與人數" + num +
                                                         ", en: Participants " + num + "}"));
            return "dataset title";
          case 1:  // no English title: the English pages show the Chinese one
            site_.write("data/counts.yaml",
                        set_line(yaml, "title:", "title: {zh-TW: 參與人數" + num + "}"));
            return "dataset title in Chinese";
          default:
            site_.write("data/counts.yaml",
                        set_line(yaml, "description:",
                                 "description: {zh-TW: 每年參與人數" + num +
                                     ", en: Participants per year " + num + "}"));
            return "dataset description";
        }
      }
      case 10: {  // a string the 404 pages show, the fallback pages, or none
        std::string rel = "themes/mini/i18n/" + std::string(pick(2) ? "en" : "vi") + ".yaml";
        std::string key =
            std::vector<std::string>{"not_found", "fallback_notice", "unused"}[pick(3)];
        std::string yaml = site_.read(rel);
        std::string line = key + ": " + key + " " + num;
        site_.write(rel, ("\n" + yaml).find("\n" + key + ":") == std::string::npos
                             ? yaml + line + "\n"
                             : set_line(yaml, key + ":", line));
        return "string " + key + " " + rel;
      }
      case 11:
        site_.write(story, set_line(text, "program:",
                                    std::string("program: ") + (pick(2) ? "learning" : "health")));
        return "ref " + story;
      case 12:  // saved again as it was: only its time changes
        site_.write(story, text);
        return "touch " + story;
      case 13: {  // deleted and written again (as `git checkout` or some editors do)
        site_.remove(story);
        site_.write(story, pick(2) ? text : text + "\nWritten again " + num + ".\n");
        return "re-create " + story;
      }
      case 14: {  // a template of the theme
        std::string rel = "themes/mini/layouts/term.mustache";
        site_.write(rel, site_.read(rel) + "<!-- edited " + num + " -->\n");
        return "template " + rel;
      }
      case 15: {  // a program: the stories point to it, its list sorts by weight
        std::string rel =
            pick(2) ? "content/programs/health.md" : "content/programs/learning.en.md";
        std::string program = site_.read(rel);
        site_.write(rel, pick(2)
                             ? set_line(program, "title:", "title: Program " + num)
                             : set_line(program, "weight:", "weight: " + std::to_string(pick(4))));
        return "program " + rel;
      }
      case 16: {  // an alias: a redirect comes, goes or moves
        std::string line = "aliases: [/old/" + num + "/]";
        site_.write(story, set_line(text, "aliases:", pick(3) ? line : "aliases: []"));
        return "alias " + story;
      }
      case 17:
      case 18: {  // a field of the schema: a translation marks what it kept by the original
        const char* places[] = {"Xinying", "Tainan", "新營區"};
        std::string line = std::string("place: ") + places[pick(3)];
        if (pick(2)) {  // in every language of the story, as a translator copies it
          std::string base = story.substr(0, story.find('.'));
          for (const std::string& s : stories) {
            if (s.compare(0, base.size() + 1, base + ".") == 0) {
              site_.write(s, set_line(site_.read(s), "place:", line));
            }
          }
          return "place everywhere " + story;
        }
        site_.write(story, set_line(text, "place:", line));
        return "place " + story;
      }
      default: {  // a break, fixed by the next step
        std::string broken;
        std::string what;
        switch (pick(6)) {
          case 5:  // a term with no letters: it would have no address
            broken = set_line(text, "tags:", "tags: [\"!!!\", repair]");
            what = "bad term ";
            break;
          case 3:  // a dataset's metadata that is not YAML
            story = "data/counts.yaml";
            text = site_.read(story);
            broken = "title: [unclosed\n" + text;
            what = "bad dataset metadata ";
            break;
          case 4:  // a template that does not compile
            story = "themes/mini/layouts/term.mustache";
            text = site_.read(story);
            broken = text + "{{#open}}\n";
            what = "bad template ";
            break;
          case 0:
            broken = text + "\n[broken](/nowhere-" + num + "/)\n";
            what = "broken link ";
            break;
          case 1:
            broken = set_line(text, "date:", "date: 2023-13-45");
            what = "bad date ";
            break;
          default:
            broken = set_line(text, "program:", "program: nothing");
            what = "bad ref ";
            break;
        }
        undo_[story] = text;
        site_.write(story, broken);
        return what + story;
      }
    }
  }

 private:
  size_t pick(size_t n) { return rng_() % n; }
  const SiteCopy& site_;
  std::mt19937 rng_{20261207};
  int count_ = 0;
  std::map<std::string, std::string> undo_;
};

}  // namespace firefly
