#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would then pull in ICU's, which clash with the
// copy Foundation carries. Nothing here touches ICU's part of libxml2's structures.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
