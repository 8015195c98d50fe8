import { describe, expect, it } from 'vitest';
import { readLogoImage } from './logo.image.js';
import { makeJpegHeader, makePng } from './logo.test-images.js';

describe('readLogoImage', () => {
  it('reads the type and size of a PNG from its IHDR chunk', () => {
    expect(readLogoImage(makePng(37, 12))).toEqual({ mediaType: 'image/png', width: 37, height: 12 });
  });

  it('reads the type and size of a JPEG from its frame header, past the segments before it', () => {
    expect(readLogoImage(makeJpegHeader(640, 480))).toEqual({ mediaType: 'image/jpeg', width: 640, height: 480 });
    const progressive = makeJpegHeader(300, 200);
    progressive[21] = 0xc2;
    expect(readLogoImage(progressive)).toEqual({ mediaType: 'image/jpeg', width: 300, height: 200 });
  });

  it('refuses text, SVG, GIF and files that only start like an image', () => {
    expect(readLogoImage(Buffer.from('Sahel Action International logo\n'))).toBeNull();
    expect(readLogoImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(readLogoImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(readLogoImage(makePng(10, 10).subarray(0, 20))).toBeNull();
    expect(readLogoImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    const noHeader = makePng(10, 10);
    noHeader.write('IDAT', 12, 'latin1');
    expect(readLogoImage(noHeader)).toBeNull();
    expect(readLogoImage(makePng(0, 0))).toBeNull();
  });
});
