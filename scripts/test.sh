#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, production build, end-to-end tests in Chromium.
# End-to-end tests always run on a fresh PGlite folder, and also on fresh PostgreSQL
# databases when TEST_DATABASE_URL is set. The last lines sum up what ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

timings=()
started=$SECONDS
step() { printf '\n== %s\n' "$1"; phase=$1; phase_start=$SECONDS; }
done_step() { timings+=("$(printf '%-44s %4ss' "$phase" $((SECONDS - phase_start)))"); }
fail() { printf '\nnpm test: %s failed\n' "$1"; exit 1; }

# tsc and eslint are mostly single-threaded: side by side they use both cores.
step "Type check (tsc) and lint (eslint, knip), side by side"
npx tsc --noEmit >"$reports/tsc.log" 2>&1 &
tsc_pid=$!
npm run -s lint >"$reports/eslint.log" 2>&1
lint_status=$?
wait "$tsc_pid"
tsc_status=$?
cat "$reports/tsc.log" "$reports/eslint.log"
((tsc_status == 0)) || fail "type check"
((lint_status == 0)) || fail "lint"
done_step
step "Unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || fail "unit tests"
done_step
step "Build (next build)"
npx tsx scripts/build.ts || fail "build"
done_step
step "End-to-end tests (playwright)"
PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/e2e.json" npx playwright test --reporter=list,json
e2e_status=$?
done_step
# Every checkable claim of the privacy statement must have been proved by this run.
step "Claims registry (every promise proved)"
npx tsx scripts/claims.ts --unit "$reports/unit.json" --e2e "$reports/e2e.json"
claims_status=$?
done_step

printf '\n'
printf '%s\n' "${timings[@]}"
printf '%-44s %4ss\n' "Total" $((SECONDS - started))

node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return undefined; } };
const u = read(process.argv[1]); const e = read(process.argv[2]);
if (u) console.log(`unit: ${u.numPassedTests} passed, ${u.numFailedTests} failed`);
if (e) console.log(`e2e: ${e.stats.expected + e.stats.flaky} passed, ${e.stats.unexpected} failed, ${e.stats.skipped} skipped`);
if (u && e) console.log(`${u.numPassedTests + e.stats.expected + e.stats.flaky} passed, ${u.numFailedTests + e.stats.unexpected} failed`);
' "$reports/unit.json" "$reports/e2e.json"
((e2e_status == 0)) || exit $e2e_status
((claims_status == 0)) || fail "claims registry"
exit 0
