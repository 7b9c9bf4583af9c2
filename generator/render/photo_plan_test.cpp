#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/photos.h"

namespace firefly {

namespace {

PhotoSet set_with(PhotoOptions options) {
  return PhotoSet(std::move(options), [](const std::string&, PhotoSource&, std::string& error) {
    error = "not read in this test";
    return false;
  });
}

/// A set whose photos are 4032 x 3024 JPEGs, except /images/bad.jpg, which is not an
/// image; each path it looks at is added to `inspected` when given.
PhotoSet set_of_phone_photos(std::vector<std::string>* inspected = nullptr) {
  return PhotoSet(PhotoOptions{},
                  [inspected](const std::string& path, PhotoSource& source, std::string& error) {
                    if (inspected) inspected->push_back(path);
                    if (path == "/images/bad.jpg") {
                      error = "is not an image";
                      return false;
                    }
                    source.info = {"jpeg", 4032, 3024, false, false, false};
                    source.hash = std::string(64, 'a');
                    return true;
                  });
}

}  // namespace

TEST_CASE("photo plan: its digest changes with every option that changes the files planned") {
  const PhotoOptions base;
  std::uint64_t digest = set_with(base).plan_digest();
  CHECK(set_with(base).plan_digest() == digest);  // the same options, the same plan

  PhotoOptions o = base;
  o.widths = {480, 800, 1000, 1600};  // one width another
  CHECK(set_with(o).plan_digest() != digest);
  o = base;
  o.widths.pop_back();  // the widest width left out: the original is published at 1200
  CHECK(set_with(o).plan_digest() != digest);
  o = base;
  o.webp_quality = 70;
  CHECK(set_with(o).plan_digest() != digest);
  o = base;
  o.jpeg_quality = 85;
  CHECK(set_with(o).plan_digest() != digest);
  o = base;
  o.avif = true;
  std::uint64_t with_avif = set_with(o).plan_digest();
  CHECK(with_avif != digest);
  o.avif_quality = 60;
  CHECK(set_with(o).plan_digest() != with_avif);

  // What does not change a planned file does not change the digest.
  o = base;
  o.max_pixels = 50'000'000;
  o.warn_width = 4000;
  o.warn_bytes = 5'000'000;
  CHECK(set_with(o).plan_digest() == digest);
}

TEST_CASE("photo set: count() is the number of photos photos() lists, without the refused") {
  PhotoSet set = set_of_phone_photos();
  CHECK(set.count() == 0);
  Diagnostics diags;
  CHECK(set.use("/images/b.jpg", "content/b.md", {4, 3}, diags) != nullptr);
  CHECK(set.use("/images/a.jpg", "content/a.md", {4, 3}, diags) != nullptr);
  CHECK(set.use("/images/a.jpg", "content/c.md", {4, 3}, diags) != nullptr);  // the same photo
  CHECK(set.use("/images/bad.jpg", "content/a.md", {5, 3}, diags) == nullptr);
  set.original("/images/static-only.jpg", diags);
  CHECK(set.count() == 3);
  std::vector<const Photo*> listed = set.photos();
  REQUIRE(listed.size() == set.count());
  CHECK(listed[0]->site_path == "/images/a.jpg");
  CHECK(listed[2]->site_path == "/images/static-only.jpg");
}

TEST_CASE("photo set: a photo inspected ahead is looked at once and registered only when used") {
  std::vector<std::string> inspected;
  PhotoSet set = set_of_phone_photos(&inspected);
  for (const char* path : {"/images/a.jpg", "/images/bad.jpg", "/images/static-only.jpg",
                           "/images/never.jpg", "/images/a.jpg"}) {
    set.inspect_ahead(path);
  }
  CHECK(inspected.size() == 4);  // each file once
  CHECK(set.count() == 0);       // nothing registered, nothing reported
  CHECK(set.find("/images/a.jpg") == nullptr);

  Diagnostics diags;
  const Photo* a = set.use("/images/a.jpg", "content/a.md", {4, 3}, diags);
  REQUIRE(a != nullptr);
  CHECK(a->renders.size() > 1);  // planned with its sizes
  CHECK(a->first_user == "content/a.md");
  CHECK(set.use("/images/bad.jpg", "content/b.md", {5, 3}, diags) == nullptr);
  CHECK(diags.error_count() == 1);  // the error of the file inspected ahead, named on use
  set.original("/images/static-only.jpg", diags);
  set.original("/images/a.jpg", diags);  // used by content: planned with its variants
  set.inspect_ahead("/images/a.jpg");    // registered: nothing to do
  CHECK(inspected.size() == 4);
  std::vector<const Photo*> listed = set.photos();
  REQUIRE(listed.size() == 2);  // never.jpg was neither used nor published
  CHECK(listed[0] == a);
  CHECK(listed[1]->site_path == "/images/static-only.jpg");
  CHECK(listed[1]->first_user == "static/images/static-only.jpg");
}

TEST_CASE("photo set: a photo planned ahead has the plan of one planned when used or published") {
  // The files of a photo: each size's width and height, and each file's URL and encoding.
  auto files_of = [](const Photo& p) {
    std::string out = std::to_string(p.card) + "/" + std::to_string(p.social);
    for (const PhotoRender& r : p.renders) {
      out += " " + std::to_string(r.width) + "x" + std::to_string(r.height) + ":" +
             std::string(r.width_digits());
      for (const PhotoFile& f : r.files) {
        out += " " + std::string(f.url) + "=" + std::to_string(static_cast<int>(f.encoding.format));
      }
    }
    return out;
  };
  Diagnostics diags;
  PhotoSet plain = set_of_phone_photos();
  const Photo* used = plain.use("/images/a.jpg", "content/a.md", {1, 1}, diags);
  plain.original("/images/static-only.jpg", diags);
  REQUIRE(used != nullptr);
  const Photo* published = plain.photos().back();
  REQUIRE(published->site_path == "/images/static-only.jpg");
  REQUIRE(published->renders.size() == 1);  // the original alone

  PhotoSet ahead = set_of_phone_photos();
  ahead.inspect_ahead("/images/a.jpg");
  ahead.inspect_ahead("/images/static-only.jpg");
  const Photo* used_ahead = ahead.use("/images/a.jpg", "content/a.md", {1, 1}, diags);
  ahead.original("/images/static-only.jpg", diags);
  REQUIRE(used_ahead != nullptr);
  CHECK(files_of(*used_ahead) == files_of(*used));
  CHECK(files_of(*ahead.photos().back()) == files_of(*published));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("a photo's value is made once for its maker, again for another, and not copied") {
  Photo photo;
  int made = 0;
  auto make = [&] {
    ++made;
    return Value(Map{{"n", made}});
  };
  CHECK(photo.og_image.get(1, make).get("n").as_int() == 1);
  CHECK(photo.og_image.get(1, make).get("n").as_int() == 1);  // shared: not made again
  CHECK(made == 1);
  CHECK(photo.og_image.get(2, make).get("n").as_int() == 2);  // another maker's own
  CHECK(photo.og_image.get(1, make).get("n").as_int() == 1);
  Photo copy = photo;
  CHECK(copy.og_image.get(1, make).get("n").as_int() == 3);  // a copy starts empty
  copy = photo;
  CHECK(copy.og_image.get(1, make).get("n").as_int() == 4);
  CHECK(photo.og_image.get(1, make).get("n").as_int() == 1);
}

}  // namespace firefly
