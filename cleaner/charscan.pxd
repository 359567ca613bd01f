# Types for Cython's compile of charscan.py (pure-Python mode; see its docstring).
# The build reads these, not the module's annotations (annotation_typing off: an
# ``int`` there would be a Python object).
cimport cython

cdef class CharSet:
    cdef readonly object pattern
    cdef readonly bytes bits
    cpdef bint search(self, str text)
    cpdef int scan(self, str text) except? -1
    cpdef Py_ssize_t find(self, str text, Py_ssize_t start=*)

@cython.locals(table="const unsigned char*", ch=Py_UCS4, end="unsigned long", past="unsigned char")
cdef bint _holds(str text, bytes bits)

@cython.locals(table="const unsigned char*", i=Py_ssize_t, end="unsigned long", past="unsigned char")
cdef Py_ssize_t _find(str text, Py_ssize_t start, bytes bits)

cdef bint _member(const unsigned char* table, unsigned long end, unsigned char past, unsigned long n) noexcept

@cython.locals(n=Py_ssize_t, inside=bint, ch=Py_UCS4)
cdef Py_ssize_t _words(str text)

@cython.locals(n=Py_ssize_t, space=bint, ch=Py_UCS4)
cdef Py_ssize_t _spaced(str text)

@cython.locals(table="const unsigned char*", ch=Py_UCS4, i=Py_ssize_t, n="unsigned long", end="unsigned long", past="unsigned char", space=bint)
cdef int _scan(str text, bytes bits) except? -1
