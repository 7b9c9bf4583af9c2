// E-mail addresses shown so that a line too narrow for one breaks it after the @ and before
// the dots of its domain (labor@ / example.gov.tw), not inside a name: in the footer and in
// the links a page's Markdown writes (<labor@example.gov.tw>).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// `text` (escaped HTML text of an address) with a <wbr> after its @ and before each dot
/// of the domain that follows it.
std::string email_breaks(std::string_view text);

/// `html` with email_breaks applied to the text of each mailto link whose text is plain.
void break_mailto_texts(std::string& html);

}  // namespace firefly
