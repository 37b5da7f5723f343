// HTTP routes of the reference server: thin handlers that read the store and stream files.
#include "http.h"

#include <httplib.h>

#include <zlib.h>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <system_error>

#include "events.h"
#include "store.h"

namespace parley::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kCompressFrom = 1024;  // smaller bodies go as they are

// `data` in gzip format at zlib `level` (1 fastest .. 9 smallest); nullopt if zlib fails.
std::optional<std::string> gzip(std::string_view data, int level) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// When the current request's handling began; set before routing, read by the logger on the same thread.
thread_local std::chrono::steady_clock::time_point request_started{};

std::string_view status_reason(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 409:
      return "conflict";
    case 405:
      return "method not allowed";
    case 413:
      return "request too large";
    case 414:
      return "request path too long";
    case 416:
      return "range not satisfiable";
    case 500:
      return "internal server error";
    case 503:
      return "service unavailable";
    default:
      return "request failed";
  }
}

// Sends `bytes` as they are: a sized content provider, which httplib neither copies nor compresses again.
void send_bytes(httplib::Response& res, std::shared_ptr<const std::string> bytes, const std::string& type) {
  if (bytes->empty()) return res.set_content(std::string(), type);
  const std::size_t size = bytes->size();
  res.set_content_provider(size, type,
                           [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(bytes->data() + offset, length);
                           });
}

// Sends `body`, gzip-compressed when it is large enough and the client accepts gzip. Bodies made per request
// take zlib's fastest level: most of the gain for a fraction of the time.
void send_compressible(const httplib::Request& req, httplib::Response& res, std::string body,
                       const std::string& type) {
  res.set_header("Vary", "Accept-Encoding");
  if (body.size() >= kCompressFrom && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    if (auto packed = gzip(body, 1)) {
      res.set_header("Content-Encoding", "gzip");
      return send_bytes(res, std::make_shared<const std::string>(std::move(*packed)), type);
    }
  }
  send_bytes(res, std::make_shared<const std::string>(std::move(body)), type);
}

void send_json(const httplib::Request& req, httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  send_compressible(req, res, std::move(body), kJson);
}

void send_error(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(json_error(message), kJson);
}

// The web root's files in memory: each kept with its gzip form while its size and modification time stay the
// same, so a rebuilt app is read again and a served one costs no disk read or compression.
class StaticFiles {
 public:
  struct Entry {
    std::string tag;                          // ETag of the file's bytes, quoted
    std::string type;                         // MIME type
    std::shared_ptr<const std::string> raw;   // the bytes
    std::shared_ptr<const std::string> gzip;  // their gzip form, or null when not worth it
  };

  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // Reads and compresses every servable file now, so the first visitor does not wait for it.
  void load_all() {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const std::string relative = "/" + std::filesystem::relative(it->path(), root_, ec).generic_string();
      if (auto file = resolve_static(root_, relative); file && !it->is_directory()) get(*file);
    }
  }
  const std::filesystem::path& root() const { return root_; }

  // The current version of `file` (a path resolve_static returned), or null when it cannot be read.
  std::shared_ptr<const Entry> get(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return nullptr;
    const auto modified = std::filesystem::last_write_time(file, ec);
    if (ec) return nullptr;
    char tag[64];
    std::snprintf(tag, sizeof tag, "\"%llx-%llx\"", static_cast<unsigned long long>(size),
                  static_cast<unsigned long long>(modified.time_since_epoch().count()));
    {
      std::lock_guard lock(mutex_);
      auto found = cache_.find(file.string());
      if (found != cache_.end() && found->second->tag == tag) return found->second;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return nullptr;
    auto entry = std::make_shared<Entry>();
    entry->tag = tag;
    entry->type = std::string(mime_type(file));
    if (bytes.size() >= kCompressFrom && is_compressible(entry->type)) {
      if (auto packed = gzip(bytes, 9); packed && packed->size() < bytes.size()) {
        entry->gzip = std::make_shared<const std::string>(std::move(*packed));
      }
    }
    entry->raw = std::make_shared<const std::string>(std::move(bytes));
    std::lock_guard lock(mutex_);
    cache_[file.string()] = entry;
    return entry;
  }

 private:
  static bool is_compressible(std::string_view type) {
    return type.starts_with("text/") || type.starts_with("application/json") || type == "application/wasm" ||
           type == "image/svg+xml" || type == "application/manifest+json";
  }

  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Entry>> cache_;  // by file path
};

// Whether an If-None-Match value (`*`, or tags separated by commas, weak or strong) names `tag`.
bool tag_matches(std::string_view if_none_match, std::string_view tag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view item = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == "*" || item == tag) return true;
  }
  return false;
}

void serve_file(const httplib::Request& req, httplib::Response& res, StaticFiles* files) {
  if (files == nullptr) return send_error(res, 404, "no web app is served here (start with --web-root)");
  auto file = resolve_static(files->root(), req.path);
  auto entry = file ? files->get(*file) : nullptr;
  if (!entry) return send_error(res, 404, "no such file: " + req.path);
  // Each encoding is its own representation with its own tag.
  const bool packed = entry->gzip && accepts_gzip(req.get_header_value("Accept-Encoding"));
  const std::string tag = packed ? entry->tag.substr(0, entry->tag.size() - 1) + "-gz\"" : entry->tag;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("ETag", tag);
  if (entry->gzip) res.set_header("Vary", "Accept-Encoding");
  if (tag_matches(req.get_header_value("If-None-Match"), tag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  if (packed) res.set_header("Content-Encoding", "gzip");
  send_bytes(res, packed ? entry->gzip : entry->raw, entry->type);
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
  char elapsed[32] = "-";
  if (request_started != std::chrono::steady_clock::time_point{}) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                          request_started);
    std::snprintf(elapsed, sizeof elapsed, "%.1fms", static_cast<double>(us.count()) / 1000.0);
    request_started = {};
  }
  std::string line = utc_now() + " " + req.remote_addr + " " + req.method + " " + req.path + " " +
                     std::to_string(res.status) + " " +
                     std::to_string(res.body.empty() ? res.content_length_ : res.body.size()) + "B " +
                     elapsed + "\n";
  std::fputs(line.c_str(), stderr);
}

// A whole number from 0 up to 2^53 - 1 with nothing around it.
bool parse_count(const std::string& text, std::int64_t& out) {
  if (text.empty() || text.size() > 16) return false;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value > 9007199254740991) return false;
  out = value;
  return true;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  const auto trim = [](std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
  };
  std::optional<bool> named;  // what a `gzip` item says; it wins over `*`
  bool star = false;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    std::string name(trim(item.substr(0, semicolon)));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool allowed = true;  // until a q=0 (any spelling of zero) says otherwise
    if (semicolon != std::string_view::npos) {
      const std::string_view param = trim(item.substr(semicolon + 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        allowed = param.substr(2).find_first_not_of("0.") != std::string_view::npos;
      }
    }
    if (name == "gzip" || name == "x-gzip") named = allowed;
    if (name == "*") star = allowed;
  }
  return named.value_or(star);
}

std::string json_error(std::string_view message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view mime_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".otf") return "font/otf";
  if (ext == ".woff") return "font/woff";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root,
                                                    std::string_view request_path) {
  std::filesystem::path file = root;
  std::size_t start = 0;
  while (start <= request_path.size()) {
    std::size_t end = request_path.find('/', start);
    if (end == std::string_view::npos) end = request_path.size();
    const std::string_view segment = request_path.substr(start, end - start);
    if (!segment.empty()) {
      if (segment.front() == '.' || segment.find('\\') != std::string_view::npos ||
          segment.find('\0') != std::string_view::npos) {
        return std::nullopt;
      }
      file /= std::string(segment);
    }
    start = end + 1;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) file /= "index.html";
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

void install_routes(httplib::Server& server, Store& store, const std::filesystem::path& web_root,
                    std::shared_ptr<const Checks> checks) {
  if (!checks) checks = std::make_shared<const Checks>();
  // No request body (only event batches have one) is read past the batch limit: larger ones get 413.
  server.set_payload_max_length(max_batch_bytes);
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger(log_request);
  // Errors raised inside httplib (bad request, no route) get a JSON body like the handlers' own errors.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.content_length_ > 0) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, status_reason(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));

  server.Get("/api/health", [](const httplib::Request& req, httplib::Response& res) {
    send_json(req, res, 200, R"({"status":"ok"})");
  });
  server.Get("/api/portfolio", [&store](const httplib::Request& req, httplib::Response& res) {
    if (auto document = store.portfolio_document()) return send_json(req, res, 200, std::move(*document));
    send_error(res, 404, "no portfolio is stored");
  });
  server.Get(R"(/api/accounts/([^/]+))", [&store](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    if (auto body = store.account_body(id)) return send_json(req, res, 200, std::move(*body));
    send_error(res, 404, "no account with id " + id);
  });
  server.Get(R"(/api/accounts/([^/]+)/events)", [&store](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    if (auto body = account_events_json(store, id)) return send_json(req, res, 200, std::move(*body));
    send_error(res, 404, "no account with id " + id);
  });
  // A page of events after a server sequence: `after` (default 0) and `limit` checked, then `page(after, limit)`.
  const auto paged = [](auto page) {
    return [page](const httplib::Request& req, httplib::Response& res) {
      std::int64_t after = 0;
      std::int64_t limit = default_page_events;
      if (req.has_param("after") && !parse_count(req.get_param_value("after"), after)) {
        return send_error(res, 400, "after: expected a server sequence (a whole number from 0)");
      }
      if (req.has_param("limit") && (!parse_count(req.get_param_value("limit"), limit) || limit < 1 ||
                                     limit > max_page_events)) {
        return send_error(res, 400, "limit: expected a whole number from 1 to " + std::to_string(max_page_events));
      }
      send_json(req, res, 200, page(after, static_cast<int>(limit)));
    };
  };
  server.Get("/api/events", paged([&store](std::int64_t after, int limit) {
               return events_page_json(store, after, limit);
             }));
  server.Get("/api/exceptions", paged([&store](std::int64_t after, int limit) {
               return exceptions_page_json(store, after, limit);
             }));
  server.Post("/api/events", [&store, checks](const httplib::Request& req, httplib::Response& res) {
    const BatchResult result = post_events(store, req.body, *checks);
    const int status = result.rejection ? result.rejection->status : 200;
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(batch_result_json(result, result.rejection ? std::string() : store.epoch()), kJson);
  });
  server.Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 404, "no such API path: " + req.path);
  });
  std::shared_ptr<StaticFiles> files;
  if (!web_root.empty()) {
    files = std::make_shared<StaticFiles>(web_root);
    files->load_all();
  }
  server.Get(R"(/.*)", [files](const httplib::Request& req, httplib::Response& res) {
    serve_file(req, res, files.get());
  });

  const auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Allow", req.path == "/api/events" ? "GET, HEAD, POST" : "GET, HEAD");
    send_error(res, 405, req.method + " is not allowed here");
  };
  server.Post(R"(/.*)", not_allowed);
  server.Put(R"(/.*)", not_allowed);
  server.Patch(R"(/.*)", not_allowed);
  server.Delete(R"(/.*)", not_allowed);
}

}  // namespace parley::server
