# Sourced by ./mvnw: the build needs JDK 21 or newer (it compiles with --release 21).
# When JAVA_HOME (or the java on PATH) is older, pick the newest JDK >= 21 under /usr/lib/jvm,
# so a fresh machine whose default JDK is 17 builds with no step done by hand.
mana_java_feature() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}
mana_current_java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$mana_current_java" ] || mana_current_java="$(command -v java || true)"
if [ -z "$mana_current_java" ] || [ "$(mana_java_feature "$mana_current_java")" -lt 21 ]; then
  mana_best="" mana_best_version=0
  case $- in *f*) mana_noglob=1 ;; *) mana_noglob=0 ;; esac
  set +f # mvnw runs with globbing off
  for mana_jdk in /usr/lib/jvm/*/; do
    [ -x "${mana_jdk}bin/javac" ] || continue
    mana_version="$(mana_java_feature "${mana_jdk}bin/java")"
    if [ "$mana_version" -gt "$mana_best_version" ]; then mana_best="${mana_jdk%/}" mana_best_version="$mana_version"; fi
  done
  [ "$mana_noglob" = 0 ] || set -f
  if [ "$mana_best_version" -ge 21 ]; then
    export JAVA_HOME="$mana_best"
  else
    echo "mvnw: JDK 21 or newer is required; set JAVA_HOME (none found under /usr/lib/jvm)" >&2
    exit 1
  fi
fi
