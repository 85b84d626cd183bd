// The Chinese of what the offices' commands say: keys, packets (publish, send, receive, init
// --from), conflicts and the record `verify` checks. Patterns as in catalogue_errors.cpp: each
// English pattern is the source's own, character for character (see report/catalogue.h).

#include "report/catalogue.h"

namespace plantrack::report {
namespace {

constexpr CatalogueEntry kOffices[] = {
    // Keys and packets (cli/cmd_key.cpp, cmd_packets.cpp, cmd_init.cpp, store/packet*.cpp).
    {"which key signs? give --key FILE or set PLANTRACK_KEY",
     "用哪个密钥签名？请给出 --key 文件 或设置 PLANTRACK_KEY"},
    {"this file is the master (no `init --from`): it publishes, replicas send",
     "本文件是主库（不是 `init --from` 建立的）：主库发布，副本发送"},
    {"this replica belongs to {}, not {}", "此副本属于 {}，而不是 {}"},
    {"{} was received before (packet {}): nothing to do", "{} 已接收过（数据包 {}）：无需处理"},
    {"packet {} is for plan {}, this file holds plan {}", "数据包 {} 属于规划 {}，本文件是规划 {}"},
    {"packet {} is refused: {}", "数据包 {} 被拒绝：{}"},
    {"packet {} cannot be read", "数据包 {} 无法读取"},
    {"packet {}:{}: {} (nothing was received)", "数据包 {}:{}：{}（未接收任何内容）"},
    {"line {} of the record: {}", "记录第 {} 行：{}"},
    {"packet {} is refused: its key {} is not registered for {} in this plan",
     "数据包 {} 被拒绝：其密钥 {} 未在本规划中为 {} 登记"},
    {"packet {} is a published plan: only a replica receives it (this is the master)",
     "数据包 {} 是发布的规划：只有副本接收（本文件是主库）"},
    {"packet {} is refused: {} is not a coordinator", "数据包 {} 被拒绝：{} 不是统筹单位"},
    {"packet {} was sent by {} to the master; a replica receives only published packets",
     "数据包 {} 由 {} 发往主库；副本只接收发布的数据包"},
    {"received {} from {} (packet {}): {} applied, {} already here, {} kept as conflicts{}",
     "已接收 {1} 的 {0}（数据包 {2}）：应用 {3} 条，已有 {4} 条，{5} 条留作冲突{6}"},
    {", {} of ours acknowledged", "，本方 {} 条已获确认"},
    {"{} {}: {} records{} signed by {} (packet {})",
     "{w0} {1}：{2} 条记录{3}，签名单位 {4}（数据包 {5}）"},
    {", structure version {} ({} rows)", "，结构版本 {}（{} 行）"},
    {"key file {}: {}", "密钥文件 {}：{}"},
    {"private key written to {} (readable by you only); the coordinator registers the public key "
     "on "
     "the master: plantrack key add UNIT {}",
     "私钥已写入 {}（仅本人可读）；由统筹单位在主库登记公钥：plantrack key add 单位 {}"},
    {"cannot create key file {}: {}", "无法创建密钥文件 {}：{}"},
    {"cannot write key file {}: {}", "无法写入密钥文件 {}：{}"},
    {"packet {} changed while read", "数据包 {} 在读取时被改动"},
    {"key file {} is not a file", "密钥文件 {} 不是文件"},
    {"key file {} can be read by others (mode {}); make it private: chmod 600 {}",
     "密钥文件 {} 可被他人读取（权限 {}）；请设为私有：chmod 600 {}"},
    {"key file {} is not a plantrack key (make one with `plantrack key new`)",
     "密钥文件 {} 不是 plantrack 密钥（请用 `plantrack key new` 生成）"},
    {"key {} is registered to {} already", "密钥 {} 已登记给 {}"},
    {"conflict #{} does not exist", "冲突 #{} 不存在"},
    {"conflict #{} is {} already (by {}: {})", "冲突 #{} 此前{w1}（{}：{}）"},
    {"unit {} is not in this plan", "单位 {} 不在本规划中"},
    {"action {} is not in this plan", "行动 {} 不在本规划中"},
    {"indicator {} is not in this plan", "指标 {} 不在本规划中"},
    {"milestone {} is not in this plan", "节点 {} 不在本规划中"},
    {"{} is no longer responsible for {}", "{} 已不再负责 {}"},
    {"kept and settled by {}", "由 {} 保留并处理"},
    {"{} is done already (on {})", "{} 已完成（{}）"},
    {"{} may not vouch for a record written by {}", "{} 不能为 {} 写入的记录担保"},
    {"a replica for {} of {}'s packet {} (structure version {}): {} records",
     "{0} 的副本，来自 {1} 的数据包 {2}（结构版本 {3}）：{4} 条记录"},
    {"unit {} is not in the published plan (see its units)",
     "单位 {} 不在发布的规划中（见其中的单位）"},
    {"init --from: which unit is this replica for? give --as UNIT",
     "init --from：此副本属于哪个单位？请给出 --as 单位"},
    {"init --from {}: a replica is made from the master's published packet, not a sent one",
     "init --from {}：副本须由主库发布的数据包建立，而不是发送的数据包"},
    {"key {} is not registered for {} (it is {}'s): the coordinator registers it on the master "
     "with `plantrack key add {} {}`",
     "密钥 {0} 未登记给 {1}（它属于 {2}）：由统筹单位在主库用 `plantrack key add {3} {4}` 登记"},
    {"key {} is not registered for {}: the coordinator registers it on the master with "
     "`plantrack key add {} {}`",
     "密钥 {0} 未登记给 {1}：由统筹单位在主库用 `plantrack key add {2} {3}` 登记"},
    {"packet {} is refused: it carries structure version {}, this replica holds {} (an older "
     "packet, replayed?)",
     "数据包 {} 被拒绝：其结构版本为 {}，本副本已有 {}（旧数据包被重放？）"},
    {"packet {} is refused: its key {} is not registered in its own plan for a coordinator named "
     "{}",
     "数据包 {} 被拒绝：其密钥 {} 未在其自带的规划中登记给名为 {} 的统筹单位"},
    {"packet {} is refused: its records do not match the digest it was signed with",
     "数据包 {} 被拒绝：其中的记录与签名时的摘要不符"},
    {"packet {}: {}", "数据包 {}：{}"},
    {"cannot create packet {}: {}", "无法创建数据包 {}：{}"},
    {"cannot create packet {}", "无法创建数据包 {}"},
    {"cannot write packet {} (disk full?)", "无法写入数据包 {}（磁盘已满？）"},
    {"public key {}", "公钥 {}"},
    {"usage: plantrack key add UNIT PUBLIC_KEY", "用法：plantrack key add 单位 公钥"},
    {"usage: plantrack key new --out FILE | key add UNIT PUBLIC_KEY | key list",
     "用法：plantrack key new --out 文件 | key add 单位 公钥 | key list"},
    {"usage: plantrack conflicts accept|reject ID --reason T",
     "用法：plantrack conflicts accept|reject 编号 --reason 原因"},
    {"usage: plantrack conflicts [accept|reject ID --reason T]",
     "用法：plantrack conflicts [accept|reject 编号 --reason 原因]"},
    // Why a packet is refused (store/packet_reader.cpp, store/packet.cpp, packet_receive.cpp).
    {"it is truncated (no header and signature at its end)", "它被截断了（末尾没有头部和签名）"},
    {"its last line is not a signature", "其最后一行不是签名"},
    {"its signature does not verify with the key it names ({})",
     "其签名无法用它所列的密钥验证（{}）"},
    {"it is not a plantrack packet", "它不是 plantrack 数据包"},
    {"its contents do not match the digest it was signed with (altered)",
     "其内容与签名时的摘要不符（已被改动）"},
    {"its header is not a JSON object", "其头部不是 JSON 对象"},
    {"packet format {} is not one this plantrack reads ({})",
     "数据包格式 {} 不是本 plantrack 能读取的（{}）"},
    {"its header is incomplete: {}", "其头部不完整：{}"},
    {"packet kind '{}' is not publish or send", "数据包类别 '{}' 不是 publish 或 send"},
    {"its header is not in canonical form", "其头部不是规范形式"},
    {"not written in canonical form", "未以规范形式写出"},
    {"a row outside any record", "不属于任何记录的行"},
    {"only the master's published packets carry the plan's structure",
     "只有主库发布的数据包才带有规划结构"},
    {"structure after the records", "规划结构出现在记录之后"},
    {"unknown structure kind '{}'", "未知的结构类别 '{}'"},
    {"a record header without its fields", "记录头缺少字段"},
    {"record '{}' has a malformed id or time", "记录 '{}' 的编号或时间格式错误"},
    {"only a coordinator may vouch for a record without a unit",
     "只有统筹单位才能为没有单位的记录担保"},
    {"a received entry was refused by the database: {}", "接收的记录被数据库拒绝：{}"},
    {"a period lock covers it: {}", "它处于已锁定的季度：{}"},
    {"unknown row '{}'", "未知的行 '{}'"},
    {"{} row without its {}", "{} 行缺少 {}"},
    {"entry percent is not a whole number from 0 to 100", "记录的完成度不是 0 到 100 之间的整数"},
    {"a withdrawal whose reason says nothing", "撤回的原因为空"},
    {"value is not a finite number", "数值不是有限的数"},
    {"value row without its unit or recorded_at", "数值行缺少单位或录入时间"},
    {"milestone row without its done_on", "节点行缺少完成日期"},
    // Why a received record is kept as a conflict (store/record_apply.cpp).
    {"{} may not vouch for a row written by {}", "{} 不能为 {} 写入的行担保"},
    {"it withdraws entry {}, which this file does not hold", "它撤回的进展记录 {} 不在本文件中"},
    {"it withdraws value {}, which this file does not hold", "它撤回的指标数值 {} 不在本文件中"},
    {"entry {} is withdrawn already", "进展记录 {} 已被撤回"},
    {"value {} is withdrawn already", "指标数值 {} 已被撤回"},
    {"conflict {} is not open here", "冲突 {} 在此不是待处理状态"},
    {"conflict #{} cannot be accepted: {}", "冲突 #{} 无法接受：{}"},
    // What `verify` finds (store/record_check.cpp, store/packet_check.cpp).
    {"journal row {} (record {}, {}, recorded {})",
     "操作日志第 {0} 行（记录 {1}，{w2}，录入于 {3}）"},
    {"journal row {}", "操作日志第 {} 行"},
    {"a row outside the record", "记录之外的行"},
    {"it has no seal: the journal row was added behind plantrack's back, or its seal was removed",
     "它没有封签：该操作日志行是绕过 plantrack 添加的，或其封签被删除"},
    {"it no longer matches its seal: its journal row or the rows it covers ({}) were changed, "
     "added or removed since it was sealed, or the seal itself was changed",
     "它与封签不再相符：封签之后，其操作日志行或其涵盖的行（{}"
     "）被修改、添加或删除，或封签本身被修改"},
    {"it is record {} and the chain up to it ends in {}, not in {} as --head says: the history up "
     "to it was rewritten",
     "它是第 {} 条记录，到它为止的链头是 {}，而不是 --head 所说的 {}：此前的历史被改写"},
    {"the journal row was removed (its seal and its {} row {} remain)",
     "该操作日志行已被删除（其封签及其 {} 行 {} 仍在）"},
    {"{} row {} names this journal row, which does not exist: the row was written behind "
     "plantrack's back",
     "{} 行 {} 指向的操作日志行不存在：该行是绕过 plantrack 写入的"},
    {"{} row {} belongs to no record (its journal_id is empty): it was written behind plantrack's "
     "back",
     "{} 行 {} 不属于任何记录（其 journal_id 为空）：它是绕过 plantrack 写入的"},
    {"the file holds {} records but --head names {}: records {} to {} were removed from the end of "
     "the record (or this is another file)",
     "本文件有 {} 条记录，而 --head 指的是 {} 条：第 {} 到 {} "
     "条记录已从末尾删除（或这是另一个文件）"},
    {"the journal row was removed (its seal remains)", "该操作日志行已被删除（其封签仍在）"},
    {"its packet (row {}) is gone", "其数据包（第 {} 行）已不存在"},
    {"its packet {}: the signature over its header does not verify",
     "其数据包 {}：头部的签名无法验证"},
    {"its packet {}: its record hashes are not the ones its signed header names",
     "其数据包 {}：记录哈希与签名头部所列的不符"},
    {"its packet {}: its record hashes are not whole 32-byte hashes",
     "其数据包 {}：记录哈希不是完整的 32 字节哈希"},
    {"it was received in a packet, but its hash {} is not among the records the packet's signer "
     "signed: the record was changed after it was received",
     "它是从数据包接收的，但其哈希 {} 不在数据包签名单位所签的记录中：该记录在接收后被改动"},
    {"key file {} is damaged (its two halves disagree)", "密钥文件 {} 已损坏（两半不一致）"},
};

}  // namespace

std::span<const CatalogueEntry> CatalogueOffices() { return kOffices; }

}  // namespace plantrack::report
