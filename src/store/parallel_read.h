#pragma once
// A read run on a second connection to the same file, in a second thread, while the caller's
// thread goes on with its own reads: a coordinator's report reads a million-row log and a dozen
// other tables, and the machine has more than one core.
//
// The second connection reads exactly what the first reads or the read is not moved: the file
// must be on disk, the first connection inside a read transaction that has written nothing, and
// the second connection's snapshot must see the same last row in the tables that only grow
// (progress_log, retraction, journal: every writing command appends a journal row). Otherwise
// the read runs on the first connection, in the caller's thread, when its result is awaited.

#include <functional>
#include <future>

#include "store/connection.h"

namespace plantrack::store {

// Whether a second connection could read what `connection` reads (the first two conditions
// above; the third is checked by the second connection itself).
bool CanReadInParallel(Connection& connection);

class ParallelRead {
 public:
  // Starts `read` in another thread on a second connection; `connection` must outlive this.
  ParallelRead(Connection& connection, std::function<void(Connection&)> read);
  // Waits for the read (its exception, if any, is lost: call Wait to have it).
  ~ParallelRead();
  ParallelRead(const ParallelRead&) = delete;
  ParallelRead& operator=(const ParallelRead&) = delete;

  // Returns once `read` has run, there or here; rethrows what it threw. Once only.
  void Wait();

 private:
  Connection& connection_;
  std::function<void(Connection&)> read_;
  std::future<bool> moved_;  // whether the read ran on the second connection
};

}  // namespace plantrack::store
