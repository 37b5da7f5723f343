#pragma once
// The server's HTTP face: the JSON API over the store and the web app's static files.
//
// Index of this file:
// [SECTION] Routes    what each path answers
// [SECTION] Helpers   MIME types and request-path checks, shared with the tests
//
// Routes (GET; HEAD answers the same headers), documented in docs/api.md:
//   /api/health                  {"status":"ok"}
//   /api/portfolio               the canonical portfolio document
//   /api/accounts/<id>           one account, or 404 {"error": ...}
//   /api/accounts/<id>/events    the account's journal events in journal order
//   /api/events?after=&limit=    events with a server sequence above `after`, in sequence order (the sync pull)
//   /api/exceptions?after=&limit=  the stored compliance exceptions, each with the event it names, in sequence order
//   POST /api/events             a JSON Lines batch of events, checked and stored all together or not at all
//   /<file>                      a file under the web root; "/" is index.html
// Every error is JSON {"error": "..."}; other methods get 405. API answers are never cached; files are
// revalidated on each load (ETag), so a rebuilt app is never mixed with a stale one. Bodies of 1 KiB or more
// go gzip-compressed to clients that accept it; files are kept in memory with their compressed form.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "events.h"

namespace httplib {
class Server;
}

namespace parley::server {

class Store;

// [SECTION] Routes ------------------------------------------------------------------------------------------

// Installs the routes, the error handler and the one-line-per-request log (to stderr) on `server`.
// An empty `web_root` serves no files (the API still answers). `checks` are what event batches are checked with:
// the holiday calendars offers are re-quoted with, the rule book, the clock (null: Checks' defaults).
void install_routes(httplib::Server& server, Store& store, const std::filesystem::path& web_root,
                    std::shared_ptr<const Checks> checks = nullptr);

// [SECTION] Helpers -----------------------------------------------------------------------------------------

std::string_view mime_type(
    const std::filesystem::path& file);  // by extension; application/octet-stream if unknown

// The file under `root` that `request_path` names, or nullopt when it would leave the root (`..`), is hidden
// (a segment starting with '.') or is not a regular file. A folder means its index.html.
std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root,
                                                    std::string_view request_path);

std::string json_error(std::string_view message);  // {"error":"message"} with the message escaped

// Whether an Accept-Encoding value admits gzip (listed, or `*`, without q=0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace parley::server
