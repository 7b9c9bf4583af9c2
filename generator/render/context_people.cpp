// page.people: the story's people, each name and union marked with its language.
#include "render/context.h"
#include "render/context_detail.h"
#include "render/language_runs.h"
#include "render/reads.h"

namespace firefly {

using detail::find_noted;
using detail::language_of;

Value ContextBuilder::people_value(const Page& page, const Language& lang) const {
  List out;
  const Value& people = page.source->front.get("people");
  if (!people.is_list()) return Value(std::move(out));
  // A name or union written as in the original page's people (a translation keeps the
  // Chinese names) is in the original's language; otherwise in the file's own, unless it
  // is wholly in another script (a name kept after the original's was corrected).
  const Page* original = find_noted(groups_, page.key, site_.config->default_language().code);
  const Value* theirs = original && original != &page && !original->fallback && original->source
                            ? &original->source->front.get("people")
                            : nullptr;
  // What this page shows depends on the original's people: an edit of those renders it again.
  if (theirs && recording_reads()) note_read(grain::self(original->out_path));
  auto source_lang = [&](const std::string& field, const std::string& text) {
    if (theirs && theirs->is_list()) {
      for (const Value& p : theirs->as_list()) {
        if (p.is_map() && p.get(field).to_text() == text) return original->lang;
      }
    }
    return page.content_lang;
  };
  for (const Value& person : people.as_list()) {
    if (!person.is_map()) continue;
    Map m{{"name", person.get("name")}, {"age", person.get("age")}, {"union", person.get("union")}};
    for (const std::string field : {"name", "union"}) {
      std::string text = person.get(field).to_text();
      std::string from = text.empty() ? lang.code : source_lang(field, text);
      std::string tag = from == lang.code ? text_language(text, lang.html_lang, script_tags_)
                                          : language_of(site_, from).html_lang;
      // A name from the original wholly in another script than its language's (a Chinese
      // name in a story written in Vietnamese) is in the script's language.
      if (from != lang.code) {
        if (std::string by_script = text_language(text, tag, script_tags_); !by_script.empty()) {
          tag = by_script == lang.html_lang ? "" : by_script;
        }
      }
      if (!tag.empty()) m.emplace_back(field + "_lang", std::move(tag));
    }
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

}  // namespace firefly
