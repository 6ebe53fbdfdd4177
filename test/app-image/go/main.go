// A tiny program built into the Lading app test image, so its binary carries real module build
// info: the main module and github.com/google/uuid, vendored from Debian's package of it.
package main

import (
	"fmt"

	"github.com/google/uuid"
)

func main() {
	fmt.Println(uuid.NewSHA1(uuid.NameSpaceURL, []byte("lading-app-image")))
}
