#pragma once
// Problems: what user-caused errors look like when they come back from core.
//
// Core never throws across its API. A function that can be handed bad input returns its problems as values,
// each naming the place (a JSON path such as `accounts[17].balance.principal`, or `line 3`) and a reason a
// person understands. Callers show `path: message`.

#include <string>
#include <vector>

namespace parley {

struct Problem {
  std::string path;     // where: JSON path, field name or "line N"; empty for the document as a whole
  std::string message;  // why, in words, e.g. "must not be negative"

  std::string text() const { return path.empty() ? message : path + ": " + message; }
  friend bool operator==(const Problem&, const Problem&) = default;
};

using Problems = std::vector<Problem>;

}  // namespace parley
