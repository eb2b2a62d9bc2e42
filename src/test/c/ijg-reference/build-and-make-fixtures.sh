#!/bin/sh
# Rebuilds the reference outputs in src/test/resources/org/injectionplanner/dicom/jpeg-lossless-truncated:
# each NAME-LEN.raw is the IJG libjpeg (dcmtk's libijg8, the decoder dcmdjpeg uses) decoding of the
# first LEN bytes of NAME.jpg through the library's stdio source, which, as plain libjpeg, inserts an
# end-of-image marker when the file ends. (dcmdjpeg itself refuses a truncated frame: its own source
# manager suspends instead.) Needs dcmtk 3.6.7's libijg8.so.17 (Debian: libdcmtk17), gcc, git, and
# the dcmtk sources for the headers: DCMTK=/path/to/dcmtk/git/dir sh build-and-make-fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../../resources/org/injectionplanner/dicom/jpeg-lossless-truncated"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in jconfig8.h jmorecfg8.h jpeglib8.h jerror8.h jpegint8.h; do
    git -C "$DCMTK" show "DCMTK-3.6.7:dcmjpeg/libijg8/$f" > "$work/$f"
done
mkdir -p "$work/dcmtk/config" "$work/dcmtk/ofstd"
printf '#define HAVE_C_CONST 1\n#define HAVE_STDDEF_H 1\n#define HAVE_STDLIB_H 1\n#define HAVE_STRING_H 1\n' \
    > "$work/dcmtk/config/osconfig.h"
printf '#define DCMTK_DECL_EXPORT\n#define DCMTK_DECL_IMPORT\n' > "$work/dcmtk/ofstd/ofexport.h"
gcc -O1 -I"$work" -o "$work/ijgref" "$here/ijg_lossless_decode.c" /usr/lib/x86_64-linux-gnu/libijg8.so.17
for raw in "$fixtures"/*-*.raw; do
    name=$(basename "$raw" .raw)
    stream=${name%-*}
    length=${name##*-}
    head -c "$length" "$fixtures/$stream.jpg" > "$work/t.jpg"
    "$work/ijgref" "$work/t.jpg" > "$raw"
done
