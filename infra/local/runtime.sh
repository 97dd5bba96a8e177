# Sourced by infra/local/start and invoke: picks a JDK >= 21, builds what is stale, and
# defines mana_java to run a class of the local runtime.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
. "$repo/.mvn/select-jdk.sh"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Rebuild when a jar is missing or any source, pom or template is newer than the class path.
stamp=infra/local/target/runtime-classpath.txt
jars=$(sed -n 's/^ *CodeUri: *\(functions\/.*\.jar\)$/\1/p' template.yaml)
stale=0
[ -f "$stamp" ] || stale=1
for jar in $jars; do [ -f "$jar" ] || stale=1; done
if [ "$stale" = 0 ] && [ -n "$(find functions infra pom.xml template.yaml -newer "$stamp" \( -name '*.java' -o -name 'pom.xml' -o -name '*.yaml' -o -name '*.properties' -o -name '*.xml' \) -not -path '*/target/*' -print -quit)" ]; then
  stale=1
fi
if [ "$stale" = 1 ]; then
  echo "Building the functions (./mvnw -DskipTests package)..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2
fi

mana_java() {
  "$java_bin" -XX:TieredStopAtLevel=1 -Dmana.repo.dir="$repo" \
    -cp "infra/local/target/classes:$(cat "$stamp")" "$@"
}
