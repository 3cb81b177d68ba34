// Shim header for the CPROJ system library; see module.modulemap.
#include <proj.h>
