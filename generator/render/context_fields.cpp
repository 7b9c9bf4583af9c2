// page.fields: the collection's own fields (render/page_fields.h) as the theme reads them.
#include "render/context.h"
#include "render/context_detail.h"
#include "render/page_fields.h"
#include "render/reads.h"

namespace firefly {

Value ContextBuilder::fields_value(const Page& page, const Language& lang) const {
  List out;
  // The original's front matter tells a text a translation kept (its language).
  const Page* original =
      page.source ? detail::find_noted(groups_, page.key, site_.config->default_language().code)
                  : nullptr;
  std::vector<ShownField> shown = shown_fields(site_, page, lang, original);
  // A field's language depends on the original's value: an edit of it renders this again.
  if (!shown.empty() && original && original != &page && recording_reads()) {
    note_read(grain::self(original->out_path));
  }
  for (ShownField& f : shown) {
    Map m;
    m.reserve(6);
    m.emplace_back("name", std::move(f.name));
    m.emplace_back("label", std::move(f.label));
    if (!f.label_lang.empty()) m.emplace_back("label_lang", std::move(f.label_lang));
    if (f.flag) m.emplace_back(*f.flag ? "yes" : "no", true);
    if (f.is_list) {
      List values;
      for (FieldText& t : f.values) {
        Map value{{"text", std::move(t.text)}};
        if (!t.lang.empty()) value.emplace_back("text_lang", std::move(t.lang));
        values.push_back(Value(std::move(value)));
      }
      m.emplace_back("has_values", true);
      m.emplace_back("values", Value(std::move(values)));
    } else if (!f.values.empty()) {
      m.emplace_back("text", std::move(f.values[0].text));
      if (!f.values[0].lang.empty()) m.emplace_back("text_lang", std::move(f.values[0].lang));
      if (!f.iso.empty()) m.emplace_back("iso", std::move(f.iso));
    }
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

}  // namespace firefly
