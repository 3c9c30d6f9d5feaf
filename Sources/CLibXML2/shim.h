#ifndef LEDE_CLIBXML2_SHIM_H
#define LEDE_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU; its headers would then pull in ICU's, which clash with the copy
   inside Foundation. lede never touches the ICU-specific encoding structs, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>

/* Errors go through a no-op handler: lede reports problems as warnings
   collected from the parser context, never on stderr. */
static void lede_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void lede_xml_structured_silent(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

static inline void lede_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, lede_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, lede_xml_structured_silent);
}

/* Remembers, per parser context, that libxml2's own entity guard fired (a reference loop or an
   amplification attack): lede refuses such documents instead of reading what was recovered. */
static void lede_xml_record_error(void *userData, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)userData;
    if (ctxt != NULL && error != NULL && error->code == XML_ERR_ENTITY_LOOP) {
        ctxt->_private = (void *)1;
    }
}

static inline void lede_xml_watch_entities(xmlParserCtxtPtr ctxt) {
    ctxt->_private = NULL;
    if (ctxt->sax != NULL) ctxt->sax->serror = lede_xml_record_error;
}

static inline int lede_xml_entity_guard_fired(xmlParserCtxtPtr ctxt) {
    return ctxt->_private != NULL;
}

static inline void lede_xml_free(void *p) { xmlFree(p); }

#endif
