package org.imrflow.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a case file accepts, recognised by their first bytes (magic numbers), never by the
 * file's name or the type the client claims.
 */
enum ContentKind {
  PDF("application/pdf", "pdf", new int[] {'%', 'P', 'D', 'F', '-'}),
  TIFF_LITTLE_ENDIAN("image/tiff", "tif", new int[] {'I', 'I', 42, 0}),
  TIFF_BIG_ENDIAN("image/tiff", "tif", new int[] {'M', 'M', 0, 42}),
  PNG("image/png", "png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", "jpg", new int[] {0xFF, 0xD8, 0xFF});

  /** Enough of a file's start to recognise every kind. */
  static final int HEADER_BYTES = 8;

  final String contentType;
  final String extension;
  private final int[] magic;

  ContentKind(String contentType, String extension, int[] magic) {
    this.contentType = contentType;
    this.extension = extension;
    this.magic = magic;
  }

  static Optional<ContentKind> of(byte[] header, int length) {
    return Arrays.stream(values()).filter(k -> k.matches(header, length)).findFirst();
  }

  private boolean matches(byte[] header, int length) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((header[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
