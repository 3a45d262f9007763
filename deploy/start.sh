#!/usr/bin/env bash
# The whole system with demo data, on a fresh Debian/Ubuntu machine:
# PostgreSQL, a KRaft Kafka broker, every service, then the demo data from the seed notices.
# Safe to run again: what runs is kept, the demo data is not loaded twice.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$BEIQIN_ROOT/deploy/prereqs.sh"
"$BEIQIN_ROOT/deploy/postgres.sh" start
"$BEIQIN_ROOT/deploy/kafka.sh" start
"$BEIQIN_ROOT/deploy/services.sh" start
"$BEIQIN_ROOT/deploy/demo.sh"
