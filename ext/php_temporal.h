#ifndef PHP_TEMPORAL_H
#define PHP_TEMPORAL_H

#include "php.h"

#define PHP_TEMPORAL_VERSION "0.1.0"

extern zend_module_entry temporal_module_entry;

#endif
