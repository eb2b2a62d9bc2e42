#!/usr/bin/python3
"""Reference decoder for the DICOM conformance test (ConformanceTest.java).

Usage:
    reference_decode.py FILE OUTDIR   decode FILE into OUTDIR
    reference_decode.py --list DIR    print the files under DIR (recursively, sorted, relative
                                      paths) that pydicom can read and that have Pixel Data

Decoding writes, in the canonical form of the project's ``decode FILE --out DIR`` command:

    OUTDIR/frames.raw     all frames in order; colour (RGB, YBR_*, PALETTE COLOR) as 8-bit RGB
                          interleaved, monochrome as stored values (uint8 when Bits Allocated is 8,
                          else uint16/int16 little endian per Pixel Representation)
    OUTDIR/decode.json    {rows, columns, frames, samples, dtype, reference}
    OUTDIR/regions.json   pydicom's reading of every Sequence of Ultrasound Regions item

or exits with the reason on stderr: status 4 when the file has no Pixel Data, status 3 when the
reference cannot read or decode it.

Reference rules: pydicom for uncompressed, RLE and JPEG 2000; dcmtk (dcmdjpeg, dcmdjpls) for JPEG
and JPEG-LS, the decompressed copy then read with pydicom; pydicom where dcmtk refuses a file.
YBR_FULL and YBR_FULL_422 still in YCbCr after that are converted here with the full-range BT.601
(JFIF) equations in float64, rounded half up and clipped. A lossy JPEG stream labelled RGB whose own
markers say YCbCr (JFIF APP0, Adobe transform 1, or component IDs 1, 2, 3 without an Adobe marker) is
a known mislabelling that docs/dicom.md §2.3 decides to convert: dcmdjpeg then runs with +cg (IJG
picks the colour space from the stream) and decode.json's "reference" says so. Files without a
Transfer Syntax UID are decoded with the encoding pydicom detected while reading them. A file pydicom
cannot parse is read from dcmtk's rewrite of it (dcmconv, same transfer syntax).
"""

import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from pydicom.pixel_data_handlers.util import apply_color_lut

JPEG_SYNTAXES = {
    "1.2.840.10008.1.2.4.50",
    "1.2.840.10008.1.2.4.51",
    "1.2.840.10008.1.2.4.57",
    "1.2.840.10008.1.2.4.70",
}
JPEG_LS_SYNTAXES = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"}
IMPLICIT_LE = "1.2.840.10008.1.2"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
EXPLICIT_BE = "1.2.840.10008.1.2.2"
DCMTK_TIMEOUT_S = 120


class CannotDecode(Exception):
    """The reference cannot decode the file; the message says why."""


class NoPixelData(Exception):
    """The file has no Pixel Data: nothing to decode."""


def read(path):
    """Reads a file with pydicom (force=True, as for files without a preamble)."""
    try:
        return pydicom.dcmread(path, force=True)
    except Exception as e:  # noqa: BLE001 - any failure means pydicom cannot read it
        raise CannotDecode(f"pydicom cannot read the file: {type(e).__name__}: {e}")


def transfer_syntax(ds):
    meta = getattr(ds, "file_meta", None)
    uid = getattr(meta, "TransferSyntaxUID", None) if meta is not None else None
    return str(uid) if uid is not None else None


def infer_transfer_syntax(ds):
    """Files without a Transfer Syntax UID: use the encoding pydicom detected while reading them
    (pydicom's documented remedy: set file_meta.TransferSyntaxUID)."""
    if ds.is_little_endian and ds.is_implicit_VR:
        uid = IMPLICIT_LE
    elif ds.is_little_endian:
        uid = EXPLICIT_LE
    else:
        uid = EXPLICIT_BE
    if getattr(ds, "file_meta", None) is None:
        ds.file_meta = pydicom.dataset.FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = uid
    return uid


def dcmtk_decompress(tool, options, path, workdir):
    """Runs dcmdjpeg or dcmdjpls into a temporary file; returns its path, or None and the reason if
    dcmtk refuses the file."""
    out = os.path.join(workdir, "dcmtk.dcm")
    try:
        proc = subprocess.run([tool, *options, path, out], capture_output=True, text=True,
                              timeout=DCMTK_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{tool} failed: {e}"
    if proc.returncode != 0 or not os.path.exists(out):
        reason = (proc.stderr or proc.stdout).strip().replace("\n", " | ")
        return None, f"{tool} refused the file (status {proc.returncode}): {reason}"
    return out, None


def jpeg_colour_markers(frame):
    """(JFIF APP0 present, Adobe APP14 transform or None, component IDs) of a JPEG stream."""
    jfif, adobe, ids = False, None, []
    i = 2
    while i + 4 <= len(frame) and frame[i] == 0xFF:
        marker = frame[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            i += 2
            continue
        length = int.from_bytes(frame[i + 2:i + 4], "big")
        body = frame[i + 4:i + 2 + length]
        if marker in (0xDA, 0xD9) or length < 2:
            break
        if marker == 0xE0 and body[:5] == b"JFIF\0":
            jfif = True
        elif marker == 0xEE and body[:5] == b"Adobe" and len(body) >= 12:
            adobe = body[11]
        elif 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and len(body) >= 6:
            ids = [body[6 + 3 * c] for c in range(body[5]) if 6 + 3 * c < len(body)]
        i += 2 + length
    return jfif, adobe, ids


def ycbcr_despite_rgb_label(ds, ts):
    """Why a lossy JPEG stream labelled RGB holds YCbCr, or None. docs/dicom.md §2.3 decides that
    such mislabelled streams (dcm4che #565, Slicer #7656) are converted: the stream's own JFIF APP0 or
    Adobe APP14 transform 1 say YCbCr; without either marker, component IDs 1, 2, 3 do (as in IJG);
    an Adobe transform 0 or other IDs mean RGB."""
    if ts not in ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"):
        return None, None
    if str(ds.get("PhotometricInterpretation", "")).strip().upper() != "RGB":
        return None, None
    nr_frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    frame = next(generate_pixel_data_frame(ds.PixelData, nr_frames))
    jfif, adobe, ids = jpeg_colour_markers(frame)
    if jfif:
        return "a JFIF APP0 marker", adobe
    if adobe == 1:
        return "an Adobe APP14 marker with transform 1", adobe
    if adobe is None and ids == [1, 2, 3]:
        return "component IDs 1, 2, 3 and no JFIF or Adobe marker", adobe
    return None, adobe


def ybr_to_rgb(ybr):
    """Full-range BT.601 (JFIF) YCbCr -> RGB in float64, floor(v + 0.5), clipped to 0..255."""
    y = ybr[..., 0].astype(np.float64)
    cb = ybr[..., 1].astype(np.float64) - 128.0
    cr = ybr[..., 2].astype(np.float64) - 128.0
    r = y + 1.402 * cr
    g = y - (0.114 * 1.772 / 0.587) * cb - (0.299 * 1.402 / 0.587) * cr
    b = y + 1.772 * cb
    rgb = np.stack([r, g, b], axis=-1)
    return np.clip(np.floor(rgb + 0.5), 0, 255).astype(np.uint8)


def palette_to_rgb(arr, ds):
    """pydicom's apply_color_lut, then 16-bit entries to 8 bits by the high byte unless no entry of
    the palette exceeds 255."""
    rgb = apply_color_lut(arr, ds)
    if rgb.dtype == np.uint8:
        return rgb
    desc = ds.RedPaletteColorLookupTableDescriptor
    entries = desc[0] or 65536
    first = desc[1]
    indices = np.arange(first, first + entries, dtype=np.int64).clip(0, 65535).astype(np.uint16)
    whole_palette = apply_color_lut(indices, ds)
    if int(whole_palette.max()) > 255:
        return (rgb >> 8).astype(np.uint8)
    return rgb.astype(np.uint8)


def frames_of(arr, ds, samples):
    """pixel_array with a leading frame axis."""
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    rows, columns = int(ds.Rows), int(ds.Columns)
    shape = (frames, rows, columns) + ((samples,) if samples > 1 else ())
    if arr.size != np.prod(shape):
        raise CannotDecode(f"pixel_array has shape {arr.shape}, expected {shape}")
    return arr.reshape(shape), frames


def canonical(ds, raw_ycbcr=False):
    """(frames array, json fields) in the canonical form; raw_ycbcr: RGB-labelled samples that are
    still YCbCr."""
    pi = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip().upper()
    bits_allocated = int(ds.get("BitsAllocated", 8))
    try:
        arr = ds.pixel_array
    except Exception as e:  # noqa: BLE001 - any failure means pydicom cannot decode it
        raise CannotDecode(f"pydicom cannot decode the pixel data: {type(e).__name__}: {e}")
    if pi.startswith("MONOCHROME"):
        arr, frames = frames_of(arr, ds, 1)
        if bits_allocated == 8:
            dtype = np.dtype("uint8")
        elif bits_allocated == 16:
            dtype = np.dtype("<i2") if int(ds.get("PixelRepresentation", 0)) == 1 else np.dtype("<u2")
        else:
            dtype = arr.dtype.newbyteorder("<")
        return arr.astype(dtype, copy=False), frames, 1, dtype.name
    if pi == "PALETTE COLOR":
        arr, frames = frames_of(arr, ds, 1)
        return palette_to_rgb(arr, ds), frames, 3, "uint8"
    arr, frames = frames_of(arr, ds, 3)
    if pi in ("YBR_FULL", "YBR_FULL_422") or (pi == "RGB" and raw_ycbcr):
        if arr.dtype != np.uint8:
            raise CannotDecode(f"{pi} with {arr.dtype} samples has no canonical 8-bit RGB form")
        return ybr_to_rgb(arr), frames, 3, "uint8"
    if pi in ("RGB", "YBR_ICT", "YBR_RCT"):
        # JPEG 2000 multiple-component transforms are undone by the codec: the samples are RGB
        if arr.dtype != np.uint8:
            return arr.astype(arr.dtype.newbyteorder("<"), copy=False), frames, 3, arr.dtype.name
        return arr, frames, 3, "uint8"
    raise CannotDecode(f"Photometric Interpretation {pi} has no canonical form in the reference")


def regions(ds):
    def value(item, keyword):
        v = item.get(keyword)
        if v is None or v == "":
            return None
        return float(v) if isinstance(v, float) else int(v)

    out = []
    for item in ds.get("SequenceOfUltrasoundRegions", []) or []:
        out.append({
            "x0": value(item, "RegionLocationMinX0"),
            "y0": value(item, "RegionLocationMinY0"),
            "x1": value(item, "RegionLocationMaxX1"),
            "y1": value(item, "RegionLocationMaxY1"),
            "spatialFormat": value(item, "RegionSpatialFormat"),
            "dataType": value(item, "RegionDataType"),
            "unitsX": value(item, "PhysicalUnitsXDirection"),
            "unitsY": value(item, "PhysicalUnitsYDirection"),
            "physicalDeltaX": value(item, "PhysicalDeltaX"),
            "physicalDeltaY": value(item, "PhysicalDeltaY"),
        })
    return out


def read_or_rewrite(path, workdir):
    """Reads a file with pydicom; where pydicom cannot parse it, reads dcmtk's rewrite of it (dcmconv
    keeps the transfer syntax and re-encodes what dcmtk's more tolerant parser understood, e.g. CP-246
    undefined-length UN sequences). Returns the data set, the path read and a note, or raises."""
    try:
        return read(path), path, None
    except CannotDecode as e:
        rewritten = os.path.join(workdir, "dcmconv.dcm")
        try:
            proc = subprocess.run(["dcmconv", path, rewritten], capture_output=True, text=True,
                                  timeout=DCMTK_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired):
            raise e
        if proc.returncode != 0 or not os.path.exists(rewritten):
            raise e
        return read(rewritten), rewritten, f"read from dcmtk dcmconv's rewrite ({e})"


def decode(path, outdir):
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=outdir) as work:
        ds, path, note = read_or_rewrite(path, work)
        if "PixelData" not in ds:
            raise NoPixelData("the file has no Pixel Data")
        with open(os.path.join(outdir, "regions.json"), "w") as f:
            json.dump(regions(ds), f, indent=1)
        ts = transfer_syntax(ds)
        reference = "pydicom"
        if ts is None:
            ts = infer_transfer_syntax(ds)
            reference = f"pydicom (no Transfer Syntax UID in the file; read as the detected {ts})"
        pixel_source = ds
        raw_ycbcr = False
        mislabel, adobe = ycbcr_despite_rgb_label(ds, ts)
        tool = "dcmdjpeg" if ts in JPEG_SYNTAXES else "dcmdjpls" if ts in JPEG_LS_SYNTAXES else None
        if tool:
            # dcmdjpeg converts YBR_* to RGB itself; for a stream labelled RGB it converts only with
            # +cg, when IJG finds YCbCr from the stream's own markers
            options = ["+cg"] if mislabel else []
            decompressed, refusal = dcmtk_decompress(tool, options, path, work)
            if decompressed:
                pixel_source = read(decompressed)
                reference = f"dcmtk {' '.join([tool, *options])} + pydicom"
            else:
                reference = f"pydicom ({refusal})"
                # pydicom keeps an RGB-labelled stream without an Adobe marker unconverted
                raw_ycbcr = mislabel is not None and adobe is None
        if mislabel:
            reference += (f"; PI is RGB but the JPEG stream has {mislabel}: converted from YCbCr"
                          " (docs/dicom.md §2.3); a literal reading of PI would keep YCbCr")
        if note:
            reference += f"; {note}"
        arr, frames, samples, dtype = canonical(pixel_source, raw_ycbcr)
    with open(os.path.join(outdir, "frames.raw"), "wb") as f:
        f.write(np.ascontiguousarray(arr).tobytes())
    info = {
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "frames": frames,
        "samples": samples,
        "dtype": dtype,
        "reference": reference,
    }
    with open(os.path.join(outdir, "decode.json"), "w") as f:
        json.dump(info, f, indent=1)


def list_images(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                ds = pydicom.dcmread(path, force=True, specific_tags=["PixelData"])
            except Exception:  # noqa: BLE001 - unreadable files are not listed
                continue
            if "PixelData" in ds:
                print(os.path.relpath(path, root))


def main(argv):
    warnings.simplefilter("ignore")
    if len(argv) == 3 and argv[1] == "--list":
        list_images(argv[2])
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        decode(argv[1], argv[2])
    except NoPixelData as e:
        print(str(e), file=sys.stderr)
        return 4
    except CannotDecode as e:
        print(str(e), file=sys.stderr)
        return 3
    except Exception as e:  # noqa: BLE001 - report anything else as a reference failure too
        print(f"reference failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
