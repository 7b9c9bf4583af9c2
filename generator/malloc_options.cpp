// jemalloc's settings for the `firefly` program (linked only with jemalloc, which reads
// this variable when it starts).
//
// One arena: the photo step's threads (the build's and libvips's own) each got an arena of
// their own, each keeping freed pages for later, so a cold build with 4 phone photos peaked
// at 141-162 MB of memory; with one arena, 92 MB at the same speed (bench/photos.sh, 2
// cores, where a build never runs more than 2 threads that allocate much at once).
extern "C" {
/// Read by jemalloc at start-up.
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1";
}
