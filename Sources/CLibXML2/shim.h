#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would then pull in ICU's, which clash with the
// copy Foundation carries. Nothing here touches ICU's part of libxml2's structures.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>

static inline void crosscheck_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void crosscheck_xml_ignore_structured(void *context, xmlErrorPtr error) { (void)context; (void)error; }

// libxml2 prints what it cannot decode to standard error, whatever the parser's options say;
// a page's faults are ours to report, in one line. The handlers are the calling thread's.
static inline void crosscheck_xml_quiet(void) {
    xmlSetGenericErrorFunc(NULL, crosscheck_xml_ignore);
    xmlSetStructuredErrorFunc(NULL, crosscheck_xml_ignore_structured);
}
