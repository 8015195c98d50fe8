#!/usr/bin/env bash
# Converts Word files to PDF with LibreOffice headless, to check that a generated report opens and lays out in a
# real office suite (headings, contents, repeating table headers, page numbers).
#
# Install LibreOffice once (Debian 12: a 91 MB download, 288 MB on disk, without the GUI):
#   apt-get install -y libreoffice-writer-nogui
# Optional, to look at the pages as images:
#   apt-get install -y poppler-utils    # then: pdftoppm -png -r 60 report.pdf page
#
# Usage: scripts/docx-to-pdf.sh report.docx [more.docx ...] [-o OUTDIR]
# Writes OUTDIR/<name>.pdf (OUTDIR defaults to the directory of each file) and exits non-zero when LibreOffice is
# missing, fails, or cannot read a file as a Word document (the Word import filter is forced, so a damaged file is
# not quietly converted as plain text). Each run uses its own LibreOffice profile, so it works next to an open
# LibreOffice and in parallel CI jobs. Starting LibreOffice takes most of the time (8-25 s on 2 busy cores): pass
# several files with -o to convert them in one start.
set -euo pipefail

outdir=""
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) outdir="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
[[ ${#files[@]} -gt 0 ]] || { echo "usage: $0 report.docx [more.docx ...] [-o OUTDIR]" >&2; exit 2; }

soffice_bin="$(command -v soffice || command -v libreoffice || true)"
[[ -n "$soffice_bin" ]] || { echo "LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui" >&2; exit 3; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# One LibreOffice start per output directory: starting it takes most of the time.
convert() {
  local dir="$1"; shift
  mkdir -p "$dir"
  local start; start=$(date +%s.%N)
  if ! timeout 300 "$soffice_bin" --headless --norestore "-env:UserInstallation=file://$profile" \
      --infilter="MS Word 2007 XML" --convert-to pdf:writer_pdf_Export --outdir "$dir" "$@" >"$profile/log" 2>&1; then
    echo "LibreOffice failed:" >&2
    cat "$profile/log" >&2
    return 1
  fi
  local seconds; seconds=$(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo "?")
  local failed=0
  for docx in "$@"; do
    local pdf; pdf="$dir/$(basename "${docx%.*}").pdf"
    # soffice exits 0 even when it could not read a file: the PDF is the proof.
    if [[ ! -s "$pdf" ]] || [[ "$(head -c 5 "$pdf")" != "%PDF-" ]]; then
      echo "no PDF written for $docx:" >&2
      cat "$profile/log" >&2
      failed=1
    else
      echo "$docx -> $pdf"
    fi
  done
  printf 'converted %d file(s) in %.1f s\n' "$#" "$seconds" 2>/dev/null || echo "converted $# file(s) in ${seconds} s"
  return $failed
}

status=0
for docx in "${files[@]}"; do
  [[ -f "$docx" ]] || { echo "not found: $docx" >&2; exit 1; }
  rm -f "${outdir:-$(dirname "$docx")}/$(basename "${docx%.*}").pdf"
done
if [[ -n "$outdir" ]]; then
  convert "$outdir" "${files[@]}" || status=1
else
  for docx in "${files[@]}"; do convert "$(dirname "$docx")" "$docx" || status=1; done
fi
exit $status
