#pragma once
// The run and describe functions of each command, defined in its cmd_*.cpp and listed in the
// table in commands.cpp.

#include <string>
#include <vector>

#include "cli/command.h"

namespace plantrack::cli {

void DescribeInit(po::options_description& options, po::positional_options_description& positional);
Status RunInit(Context& context, const po::variables_map& args);

void DescribeNothing(po::options_description& options,
                     po::positional_options_description& positional);
Status RunInfo(Context& context, const po::variables_map& args);
Status RunAreas(Context& context, const po::variables_map& args);

void DescribeUnits(po::options_description& options,
                   po::positional_options_description& positional);
Status RunUnits(Context& context, const po::variables_map& args);

void DescribeActionFilter(po::options_description& options,
                          po::positional_options_description& positional);
Status RunActions(Context& context, const po::variables_map& args);
Status RunMilestones(Context& context, const po::variables_map& args);

Status RunStatus(Context& context, const po::variables_map& args);
void DescribeOverdue(po::options_description& options,
                     po::positional_options_description& positional);
Status RunOverdue(Context& context, const po::variables_map& args);
Status RunIndicators(Context& context, const po::variables_map& args);

void DescribeAudit(po::options_description& options,
                   po::positional_options_description& positional);
Status RunAudit(Context& context, const po::variables_map& args);

void DescribeLog(po::options_description& options, po::positional_options_description& positional);
Status RunLog(Context& context, const po::variables_map& args);
void DescribeDone(po::options_description& options, po::positional_options_description& positional);
Status RunDone(Context& context, const po::variables_map& args);
void DescribeMeasure(po::options_description& options,
                     po::positional_options_description& positional);
Status RunMeasure(Context& context, const po::variables_map& args);
void DescribeRetract(po::options_description& options,
                     po::positional_options_description& positional);
Status RunRetract(Context& context, const po::variables_map& args);
Status RunUndo(Context& context, const po::variables_map& args);
void DescribeAdd(po::options_description& options, po::positional_options_description& positional);
Status RunAdd(Context& context, const po::variables_map& args);
void DescribeAssign(po::options_description& options,
                    po::positional_options_description& positional);
Status RunAssign(Context& context, const po::variables_map& args);
Status RunUnassign(Context& context, const po::variables_map& args);
void DescribeHistory(po::options_description& options,
                     po::positional_options_description& positional);
Status RunHistory(Context& context, const po::variables_map& args);

void DescribeSubmit(po::options_description& options,
                    po::positional_options_description& positional);
Status RunSubmit(Context& context, const po::variables_map& args);
void DescribeApprove(po::options_description& options,
                     po::positional_options_description& positional);
Status RunApprove(Context& context, const po::variables_map& args);
void DescribeReopen(po::options_description& options,
                    po::positional_options_description& positional);
Status RunReopen(Context& context, const po::variables_map& args);
void DescribeApprovals(po::options_description& options,
                       po::positional_options_description& positional);
Status RunApprovals(Context& context, const po::variables_map& args);

void DescribeImport(po::options_description& options,
                    po::positional_options_description& positional);
Status RunImport(Context& context, const po::variables_map& args);
void DescribeExport(po::options_description& options,
                    po::positional_options_description& positional);
Status RunExport(Context& context, const po::variables_map& args);

void DescribeTrend(po::options_description& options,
                   po::positional_options_description& positional);
Status RunTrend(Context& context, const po::variables_map& args);
void DescribeEvaluate(po::options_description& options,
                      po::positional_options_description& positional);
Status RunEvaluate(Context& context, const po::variables_map& args);

void DescribeReport(po::options_description& options,
                    po::positional_options_description& positional);
Status RunReport(Context& context, const po::variables_map& args);

void DescribeKey(po::options_description& options, po::positional_options_description& positional);
Status RunKey(Context& context, const po::variables_map& args);
void DescribePacketOut(po::options_description& options,
                       po::positional_options_description& positional);
Status RunPublish(Context& context, const po::variables_map& args);
Status RunSend(Context& context, const po::variables_map& args);
void DescribeReceive(po::options_description& options,
                     po::positional_options_description& positional);
Status RunReceive(Context& context, const po::variables_map& args);
void DescribeConflicts(po::options_description& options,
                       po::positional_options_description& positional);
Status RunConflicts(Context& context, const po::variables_map& args);
void DescribeVerify(po::options_description& options,
                    po::positional_options_description& positional);
Status RunVerify(Context& context, const po::variables_map& args);

void DescribeMine(po::options_description& options, po::positional_options_description& positional);
Status RunMine(Context& context, const po::variables_map& args);
void DescribeTemplate(po::options_description& options,
                      po::positional_options_description& positional);
Status RunTemplate(Context& context, const po::variables_map& args);

// The options every command takes (cli.cpp), for help and the shell completion.
po::options_description GlobalOptions();
// The names of the commands in the table's order.
std::vector<std::string> CommandNames();

Status RunVersion(Context& context, const po::variables_map& args);
void DescribeCompletion(po::options_description& options,
                        po::positional_options_description& positional);
Status RunCompletion(Context& context, const po::variables_map& args);

}  // namespace plantrack::cli
