// libFuzzer's entry for programs that have their own main (compiler-rt's FuzzerDriver).
// Only `make fuzz` links libFuzzer and calls it (reseau-fuzz built with -DFUZZING).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
