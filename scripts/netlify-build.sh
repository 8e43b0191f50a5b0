#!/usr/bin/env bash
# Netlify's build command (netlify.toml). Netlify's build image has no .NET SDK, so this installs
# the one pinned in global.json with Microsoft's dotnet-install.sh, but only when no dotnet on
# PATH (or in the install folder, from an earlier run) satisfies global.json. Then it builds the
# site in Release into _site/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Run here, `dotnet --version` reads global.json and fails when no installed SDK satisfies it.
sdk_ready() { command -v dotnet >/dev/null 2>&1 && dotnet --version >/dev/null 2>&1; }

if ! sdk_ready; then
  install_dir="${DOTNET_INSTALL_DIR:-$HOME/.dotnet}"
  export DOTNET_ROOT="$install_dir"
  export PATH="$install_dir:$PATH"
  if ! sdk_ready; then
    echo "Installing the .NET SDK pinned in global.json into $install_dir"
    installer="$(mktemp)"
    trap 'rm -f "$installer"' EXIT
    curl --fail --silent --show-error --location --retry 3 https://dot.net/v1/dotnet-install.sh --output "$installer"
    bash "$installer" --jsonfile global.json --install-dir "$install_dir" --no-path
  fi
fi
echo "Using .NET SDK $(dotnet --version) from $(command -v dotnet)"

# The production URL is deliberately not taken from Netlify's $URL: it lives in input/site.yml,
# reviewed with the content, so every build (local, preview, production) names the same
# canonical address. Say so when the two differ, because then canonical links are wrong.
if [ "${CONTEXT:-}" = "production" ] && [ -n "${URL:-}" ]; then
  configured="$(sed -n 's/^url:[[:space:]]*//p' input/site.yml | tr -d "\"'[:space:]")"
  if [ "$configured" != "${URL%/}" ]; then
    echo "warning: input/site.yml has url: $configured, but Netlify serves this site at $URL; set url in input/site.yml"
  fi
fi

# Published ahead-of-time compiled (ReadyToRun), then run: the build spends its time building
# the site rather than compiling the generator. QuickPublish compiles one assembly at a time, in
# seconds; the default publish, one native program (Native AOT), takes about two minutes and a C
# toolchain to make, and halves a build's processor time at 1,000 articles, which only pays where
# the published generator is kept between builds (the Pages workflow caches it; a Netlify deploy
# starts from nothing).
dotnet publish -c Release src/StaticSite -o .build/staticsite --nologo -v quiet -p:QuickPublish=true
dotnet .build/staticsite/StaticSite.dll build --output _site
