# pvdesk — make targets. `make demo` shows the desk; `make test` runs every test.
GO ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: demo test bench lint build fmt eval

demo:
	$(GO) run ./cmd/pvdesk demo

test:
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

build:
	$(GO) build -o bin/pvdesk ./cmd/pvdesk

fmt:
	gofmt -w $$(git ls-files '*.go')
