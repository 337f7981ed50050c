#!/bin/sh
# make demo: validate and solve the first bundled example, print the schedule.
set -e
PLACERA=${1:-build/placera}
EXAMPLE=instances/norrbotten-bt.json
echo "== placera validate $EXAMPLE"
"$PLACERA" validate "$EXAMPLE"
echo
echo "== placera solve $EXAMPLE --format text"
mkdir -p build/demo
"$PLACERA" solve "$EXAMPLE" -o build/demo/norrbotten-bt.schedule.json --quiet
"$PLACERA" solve "$EXAMPLE" --format text --quiet
echo
echo "== placera check $EXAMPLE build/demo/norrbotten-bt.schedule.json"
"$PLACERA" check "$EXAMPLE" build/demo/norrbotten-bt.schedule.json
