// db_checks.hpp — the tests every database back end passes, written once:
// each takes the --db target and a reader of the same database, which the
// caller provides empty (SQLite: a fresh file; PostgreSQL: a fresh database).
#ifndef QUOTIENT_TESTS_DB_DB_CHECKS_HPP_
#define QUOTIENT_TESTS_DB_DB_CHECKS_HPP_

#include <string>

#include "db_test_util.hpp"

namespace quotient::test {

// Hand-made results in, every column back out as written (NULLs, JSON,
// escapes, Unicode), through the DbSink API with several transactions.
void check_round_trip(const std::string& target, DbReader& db);

// Writing the same documents again (a second run, and twice in one batch)
// replaces their rows and never duplicates them.
void check_rerun_replaces(const std::string& target, DbReader& db);

// The views on a small known set: speakers, tone_by_speaker, tone_by_month,
// tone_by_outlet, and tone_by_side once `sides` is filled.
void check_views(const std::string& target, DbReader& db);

// `quotient analyze --db` on a generated corpus: run to completion on
// `whole`; on `killed`, SIGKILL the run after some batches committed, check
// that only whole batches are there, re-run it, and compare every row.
void check_kill_and_rerun(const std::string& whole, DbReader& whole_db, const std::string& killed,
                          DbReader& killed_db, const std::string& name);

}  // namespace quotient::test

#endif  // QUOTIENT_TESTS_DB_DB_CHECKS_HPP_
