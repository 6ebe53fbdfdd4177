// A tiny program whose only purpose is to embed real module build info for the Go cataloger.
package main

import (
	"fmt"

	"github.com/google/uuid"
)

func main() {
	fmt.Println(uuid.NewSHA1(uuid.NameSpaceURL, []byte("lading")))
}
