#!/usr/bin/env bash
# What a fresh Debian/Ubuntu machine needs before anything else: a JDK 17+, curl, openssl,
# python3 (the demo loader) and kubectl, whose built-in kustomize renders deploy/k8s for the
# manifest check (k8s-check; a standalone kustomize does as well). Maven comes through ./mvnw.
# Safe to run again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
missing=()
if ! command -v javac >/dev/null || [ "$(javac -version 2>&1 | sed -E 's/javac ([0-9]+).*/\1/')" -lt 17 ]; then
  missing+=(openjdk-17-jdk-headless)
fi
for tool in curl openssl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# kubectl comes from the Kubernetes or Google Cloud package repository where one is configured;
# Debian's own kubernetes-client (1.20) carries a kustomize too old for deploy/k8s.
if ! command -v kubectl >/dev/null && ! command -v kustomize >/dev/null; then
  if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "installing kubectl (its kustomize renders deploy/k8s for the manifest check)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null
  else
    die "the manifest check needs kubectl 1.27+ (or kustomize 5): install it from the Kubernetes package repository, then run this again"
  fi
fi
