// Character references (&#101;, &#x65;, &amp;) in text written as Markdown or HTML.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// `text` with its numeric character references (&#50;, &#x32;) and the named ones of
/// ASCII's marks and the no-break space (&amp;, &lt;, &gt;, &quot;, &apos;, &nbsp;) decoded,
/// as a reader sees them: "tw&#101;nty" is "twenty". A reference to no character (&#0;, a
/// surrogate, past U+10FFFF) is U+FFFD; anything else is left as it is. With `from`, sets
/// it to the offset in `text` of each byte of the result (a reference's bytes: its '&').
std::string decode_char_refs(std::string_view text, std::vector<size_t>* from = nullptr);

}  // namespace firefly
