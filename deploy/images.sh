#!/usr/bin/env bash
# Container images of the five services, without a Docker daemon or a registry to pull from:
#   1. a Java 17 base made from this machine's own distribution packages (debootstrap minbase +
#      openjdk-17-jre-headless, ca-certificates, tzdata; user 1001), packed by podman, cached in
#      .run/images/jre17-base.tar;
#   2. each service's image by Jib through Quarkus (the parent pom's `image` profile), on that base,
#      loaded into podman's store as localhost/beiqin/<service>:<version>-<commit>;
#   3. each image's configuration checked with skopeo (non-root, Quarkus entry point, labels).
# Usage:
#   deploy/images.sh [--rebuild-base] [--base-only] [--save FILE.tar] [--push REGISTRY/GROUP [--insecure]]
# --base-only makes (or keeps) the base and stops; --save writes all five into one docker-archive;
# --push copies them to a registry with skopeo.
# Podman runs with .run/images/containers.conf (runc; file and process limits this kind of machine
# lets a container set), not the system's.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# debootstrap, chroot and podman's system image store need root
if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || die "deploy/images.sh needs root or sudo"; exec sudo -E "$0" "$@"; fi

IMAGES_DIR="$RUN_DIR/images"
BASE_TAR="$IMAGES_DIR/jre17-base.tar"
BASE_REF=localhost/beiqin/jre17-base:latest
APPS=(warehouse-service drill-service duty-roster-service rectification-service gateway)
mkdir -p "$IMAGES_DIR"

rebuild_base=false base_only=false save="" push="" insecure=false
while [ $# -gt 0 ]; do
  case $1 in
    --rebuild-base) rebuild_base=true; shift ;;
    --base-only) base_only=true; shift ;;
    --save) save=${2:?--save FILE}; shift 2 ;;
    --push) push=${2:?--push REGISTRY/GROUP}; shift 2 ;;
    --insecure) insecure=true; shift ;;
    *) die "usage: $0 [--rebuild-base] [--base-only] [--save FILE.tar] [--push REGISTRY/GROUP [--insecure]]" ;;
  esac
done

# The tag: the project version (without -SNAPSHOT) and the commit; "-dirty" when the work tree has
# changes, so an image is never mistaken for a commit it was not built from.
image_tag() {
  local version sha
  version=$(sed -n '0,/<version>/s#.*<version>\(.*\)</version>.*#\1#p' "$BEIQIN_ROOT/pom.xml" | head -1)
  sha=$(git -C "$BEIQIN_ROOT" rev-parse --short=7 HEAD)
  local tag="${version%-SNAPSHOT}-$sha"
  [ -z "$(git -C "$BEIQIN_ROOT" status --porcelain)" ] || tag="$tag-dirty"
  echo "$tag"
}

podman_setup() {
  local missing=()
  for tool in debootstrap podman runc skopeo; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (and uidmap) for the images"
    apt-get update -qq
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" uidmap >/dev/null
  fi
  # podman's defaults (nofile 1048576, nproc 4194304) are more than a container may set here, and
  # crun fails on this kind of machine's cgroups: runc, lower limits.
  cat >"$IMAGES_DIR/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=16384:16384"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
}
export CONTAINERS_CONF="$IMAGES_DIR/containers.conf"

# This machine's distribution, release and package mirrors (debootstrap makes the base from them).
mirrors() {
  python3 - <<'PY'
import glob, re
codename = dict(l.strip().split('=', 1) for l in open('/etc/os-release') if '=' in l)['VERSION_CODENAME'].strip('"')
found = {}
for f in glob.glob('/etc/apt/sources.list.d/*.sources'):
    for stanza in open(f).read().split('\n\n'):
        fields = dict(re.findall(r'^(\w[\w-]*):\s*(.*)$', stanza, re.M))
        if fields.get('Enabled', 'yes').lower() == 'no' or not fields.get('URIs', '').startswith('http'):
            continue
        if 'deb' in fields.get('Types', '').split():
            for suite in fields.get('Suites', '').split():
                found.setdefault(suite, fields['URIs'].split()[0])
for f in ['/etc/apt/sources.list'] + glob.glob('/etc/apt/sources.list.d/*.list'):
    try:
        for line in open(f):
            m = re.match(r'^deb\s+(?:\[[^]]*\]\s+)?(http\S+)\s+(\S+)', line)
            if m:
                found.setdefault(m.group(2), m.group(1))
    except FileNotFoundError:
        pass
print(codename)
for suite in (codename, codename + '-updates', codename + '-security'):
    if suite in found:
        print(suite, found[suite])
PY
}

build_base() {
  local rootfs="$IMAGES_DIR/rootfs" codename mirror suite uri
  local sources; sources=$(mirrors)
  codename=$(head -1 <<<"$sources")
  mirror=$(awk -v s="$codename" 'NR > 1 && $1 == s {print $2}' <<<"$sources")
  [ -n "$mirror" ] || die "no package mirror for $codename in /etc/apt: cannot make the base image"
  log "making the Java 17 base from $codename packages (debootstrap, a few minutes; cached in .run/images)"
  # a run stopped while the chroot had /proc mounted leaves the mount: never delete through it
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf --one-file-system "$rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
    "$codename" "$rootfs" "$mirror" >"$RUN_DIR/logs/debootstrap.log" 2>&1 \
    || die "debootstrap failed (see .run/logs/debootstrap.log)"
  # security updates from the same mirrors
  : >"$rootfs/etc/apt/sources.list"
  tail -n +2 <<<"$sources" | while read -r suite uri; do echo "deb $uri $suite main" >>"$rootfs/etc/apt/sources.list"; done
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"   # the JDK's package hooks find libjli.so through /proc/self/exe
  trap "umount '$rootfs/proc' 2>/dev/null || true" EXIT
  if ! chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -y -qq upgrade' \
      >>"$RUN_DIR/logs/debootstrap.log" 2>&1; then
    die "updating the base failed (see .run/logs/debootstrap.log)"
  fi
  umount "$rootfs/proc"
  trap - EXIT
  chroot "$rootfs" groupadd -g 1001 beiqin
  chroot "$rootfs" useradd -u 1001 -g 1001 -M -d /deployments -s /usr/sbin/nologin beiqin
  printf 'path-exclude=/usr/share/%s/*\n' doc man info locale >"$rootfs/etc/dpkg/dpkg.cfg.d/01-nodoc"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
    "$rootfs"/usr/share/lintian "$rootfs"/usr/share/bug "$rootfs"/var/log/* "$rootfs"/tmp/*
  : >"$rootfs/etc/resolv.conf"
  echo localhost >"$rootfs/etc/hostname"
  # One import of the whole tree keeps its symbolic links (java is one); LANG: Java 17 takes its
  # default encoding from the locale, ASCII without it.
  tar --numeric-owner --xattrs -C "$rootfs" -cf "$IMAGES_DIR/rootfs.tar" .
  podman rmi -i "$BASE_REF" >/dev/null
  podman import -q \
    --change 'ENV LANG=C.UTF-8' --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'USER 1001' --change 'WORKDIR /deployments' --change 'CMD ["java","-version"]' \
    --change "LABEL org.beiqin.base=$codename-minbase+openjdk-17-jre-headless" \
    "$IMAGES_DIR/rootfs.tar" "$BASE_REF" >/dev/null
  rm -f "$BASE_TAR.tmp" "$IMAGES_DIR/rootfs.tar"
  # Jib reads a docker-archive (an OCI archive it does not)
  podman save -q --format docker-archive -o "$BASE_TAR.tmp" "$BASE_REF"
  mv "$BASE_TAR.tmp" "$BASE_TAR"
  rm -rf --one-file-system "$rootfs"
  log "base image: $(du -h "$BASE_TAR" | cut -f1) in .run/images/jre17-base.tar"
}

build_apps() {
  local tag=$1 list revision
  list=$(IFS=,; echo "${APPS[*]}")
  revision=$(git -C "$BEIQIN_ROOT" rev-parse HEAD)
  log "building the images localhost/beiqin/{$list}:$tag with Jib"
  # -Dbeiqin.image: the `image` profile adds quarkus-container-image-jib to the Quarkus apps only.
  # Without a push, Jib hands the image to the container engine (`podman load`).
  (cd "$BEIQIN_ROOT" && ./mvnw -B -q package -DskipTests -Dbeiqin.image -pl "$list" -am \
    -Dquarkus.container-image.build=true \
    -Dquarkus.container-image.registry=localhost -Dquarkus.container-image.group=beiqin \
    -Dquarkus.container-image.tag="$tag" \
    '-Dquarkus.container-image.labels."org.opencontainers.image.title"=${quarkus.application.name}' \
    "-Dquarkus.container-image.labels.\"org.opencontainers.image.version\"=$tag" \
    "-Dquarkus.container-image.labels.\"org.opencontainers.image.revision\"=$revision" \
    -Dquarkus.jib.base-jvm-image="tar://$BASE_TAR" \
    -Dquarkus.jib.user=1001 -Dquarkus.jib.working-directory=/deployments \
    -Dquarkus.jib.docker-executable-name=podman)
}

# What each image says of itself (skopeo inspect --config): fails on anything unexpected.
inspect_apps() {
  local tag=$1 app revision
  revision=$(git -C "$BEIQIN_ROOT" rev-parse HEAD)
  for app in "${APPS[@]}"; do
    skopeo inspect --config "containers-storage:localhost/beiqin/$app:$tag" 2> >(grep -v graphdriver >&2) | python3 -c '
import json, sys
app, tag, revision = sys.argv[1:4]
c = json.load(sys.stdin)["config"]
labels = c.get("Labels") or {}
problems = []
if c.get("User") not in ("1001", "1001:1001"): problems.append("user %r, not 1001" % c.get("User"))
if "quarkus-run.jar" not in " ".join(c.get("Entrypoint") or []): problems.append("entry point %r" % c.get("Entrypoint"))
if c.get("WorkingDir") != "/deployments": problems.append("working dir %r" % c.get("WorkingDir"))
if labels.get("org.opencontainers.image.title") != app: problems.append("title label %r" % labels.get("org.opencontainers.image.title"))
if labels.get("org.opencontainers.image.revision") != revision: problems.append("revision label %r" % labels.get("org.opencontainers.image.revision"))
if "LANG=C.UTF-8" not in (c.get("Env") or []): problems.append("no LANG=C.UTF-8")
print("%-22s user %s, %s, in %s, ports %s, revision %s" % (app, c.get("User"), " ".join(c.get("Entrypoint") or []),
      c.get("WorkingDir"), ",".join(c.get("ExposedPorts") or {}), labels.get("org.opencontainers.image.revision", "?")[:7]))
if problems:
    sys.exit("[beiqin] error: image %s:%s: %s" % (app, tag, "; ".join(problems)))
' "$app" "$tag" "$revision"
  done
  podman images --filter reference='localhost/beiqin/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -- ":$tag " >&2
}

podman_setup
tag=$(image_tag)
if $rebuild_base || [ ! -f "$BASE_TAR" ]; then build_base; else log "base image: .run/images/jre17-base.tar (--rebuild-base to make it again)"; fi
if $base_only; then exit 0; fi
build_apps "$tag"
inspect_apps "$tag"
echo "$tag" >"$IMAGES_DIR/tag"

if [ -n "$save" ]; then
  refs=(); for app in "${APPS[@]}"; do refs+=("localhost/beiqin/$app:$tag"); done
  rm -f "$save"
  podman save -q -m --format docker-archive -o "$save" "${refs[@]}"
  log "saved the five images to $save ($(du -h "$save" | cut -f1); load with: podman load -i, docker load -i)"
fi
if [ -n "$push" ]; then
  for app in "${APPS[@]}"; do
    skopeo copy -q $($insecure && echo --dest-tls-verify=false) \
      "containers-storage:localhost/beiqin/$app:$tag" "docker://$push/$app:$tag"
    log "pushed $push/$app:$tag"
  done
fi
log "images ready: localhost/beiqin/<service>:$tag (deploy/containers.sh start runs them)"
