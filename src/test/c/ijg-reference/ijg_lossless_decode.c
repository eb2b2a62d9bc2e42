/* Decodes a (possibly truncated) JPEG Lossless stream with dcmtk's IJG 8-bit library and its
 * stdio source manager (which inserts a fake EOI at end of file, as plain libjpeg does);
 * writes the samples, 8-bit, row by row, to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include "jpeglib8.h"
int main(int argc, char **argv) {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_error_mgr jerr;
    FILE *in = fopen(argv[1], "rb");
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, in);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = cinfo.jpeg_color_space;
    jpeg_start_decompress(&cinfo);
    int stride = cinfo.output_width * cinfo.output_components;
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr) &cinfo, JPOOL_IMAGE, stride, 1);
    while (cinfo.output_scanline < cinfo.output_height) {
        jpeg_read_scanlines(&cinfo, row, 1);
        fwrite(row[0], 1, stride, stdout);
    }
    fprintf(stderr, "warnings: %ld\n", jerr.num_warnings);
    jpeg_finish_decompress(&cinfo);
    return 0;
}
