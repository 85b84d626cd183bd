#pragma once
// What kind of file this is. A master (the coordinator's file, or a single desk) has no replica
// row and counts the packets it publishes; a replica, made by `init --from`, knows its unit,
// the master's signing key and the structure version it holds.

#include <cstdint>
#include <optional>
#include <string>

#include "store/connection.h"
#include "store/identity.h"

namespace plantrack::store {

struct ReplicaInfo {
  UnitRef unit;
  std::string plan_code, master_key;  // master_key: hex
  int64_t structure_version = 0;
};
std::optional<ReplicaInfo> LoadReplica(Connection& connection);
// Creates or replaces the replica row.
void SaveReplica(Connection& connection, const ReplicaInfo& replica);

// On the master: raises the publish counter and returns the new structure version.
int64_t NextStructureVersion(Connection& connection);
int64_t StructureVersion(Connection& connection);

// The plan's code ("czt"); empty when the file has no plan yet.
std::string PlanCode(Connection& connection);

}  // namespace plantrack::store
