"""Times pydicom (with Pillow for JPEG) on one file, several runs in this process.

Usage: /usr/bin/python3 bench/pydicom_decode.py MODE PATH RUNS
  decode      dcmread, then pixel_array (all frames); for JPEG YBR_FULL_422 the array is still YCbCr
  decode-rgb  as decode, then convert_color_space(YBR_FULL -> RGB), the form the other readers return
  pillow-rgb  dcmread, then each JPEG frame opened by Pillow without pydicom's YCbCr draft mode, so that
              libjpeg converts to RGB (the same bytes as ours and dcmdjpeg), into one array
  meta        dcmread(stop_before_pixels=True)
Prints "RUN MODE INDEX MS" per run (index 0 is the first run in a fresh process).
"""
import io
import sys
import time

import numpy as np
import pydicom
from PIL import Image
from pydicom.encaps import generate_pixel_data_frame
from pydicom.pixel_data_handlers.util import convert_color_space


def pillow_rgb(ds):
    """Every frame of an encapsulated 8-bit colour JPEG data set as RGB, decoded by Pillow."""
    frames = int(ds.NumberOfFrames)
    arr = np.empty((frames, ds.Rows, ds.Columns, 3), np.uint8)
    for i, fragment in enumerate(generate_pixel_data_frame(ds.PixelData, frames)):
        with Image.open(io.BytesIO(fragment)) as image:
            arr[i] = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    return arr


def main():
    mode, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    checksum = 0
    for i in range(runs):
        start = time.perf_counter()
        if mode == "meta":
            ds = pydicom.dcmread(path, stop_before_pixels=True)
            checksum += len(ds.SOPInstanceUID)
        else:
            ds = pydicom.dcmread(path)
            arr = pillow_rgb(ds) if mode == "pillow-rgb" else ds.pixel_array
            if mode == "decode-rgb":
                arr = convert_color_space(arr, "YBR_FULL", "RGB")
            checksum += int(arr[-1, 10, 10, 0])
        elapsed = time.perf_counter() - start
        print("RUN %s %d %.3f" % (mode, i, elapsed * 1000), flush=True)
        del ds
        if mode != "meta":
            if i == runs - 1:
                print("SHAPE %s %s" % ("x".join(map(str, arr.shape)), arr.dtype))
            del arr
    print("CHECK %d" % (checksum & 1))


if __name__ == "__main__":
    main()
