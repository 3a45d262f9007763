#!/usr/bin/env bash
# Prints a topic's records from the beginning, key and value, until interrupted or idle 10 s:
#   deploy/topic.sh preparedness.discrepancies
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
topic=${1:-preparedness.discrepancies}
java -Xmx256m -cp "$RUN_DIR/kafka/libs/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" \
  org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "$topic" \
  --from-beginning --property print.key=true --property key.separator=' | ' --timeout-ms 10000 \
  2> >(grep -v -E 'TimeoutException|terminating consumer' >&2)
