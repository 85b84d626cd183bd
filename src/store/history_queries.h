#pragma once
// Everything that happened to one action, in time order: its progress entries (retracted ones
// included, marked), retractions, milestone completions, plan changes, and the submissions,
// approvals and reopenings of the units responsible for it and of the units above them.

#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace plantrack::store {

struct HistoryEvent {
  std::string when;   // recorded_at, or the completion date for data loaded without a journal
  std::string event;  // log, retraction, done, reopened, undo, add-action, assign, submit,
                      // approve, reopen, ...
  int64_t id = 0;     // progress entry id for log and retraction, milestone id for done and
                      // reopened, else the journal row's id (on: the period, for sign-off)
  std::string unit, on;
  std::optional<int> percent;
  std::string status, detail;
  bool retracted = false;
  // A record received in a packet (sent by an office, or published by the master): the packet's
  // hash and when this file received it; empty for a record written here.
  std::string packet, received_at;
};

std::vector<HistoryEvent> ActionHistory(Connection& connection, int64_t action_id);

}  // namespace plantrack::store
