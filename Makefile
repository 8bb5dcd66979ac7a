# pvdesk — make targets. `make demo` shows the desk; `make test` runs every test.
GO ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: demo test bench bench-sync lint build fmt eval

demo:
	$(GO) run ./cmd/pvdesk demo

test:
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# First sync of 10,000 messages from a local Dovecot against its floor and
# mbsync, a no-op sync and peak RSS, best of three (needs Dovecot, mbsync).
bench-sync:
	GO=$(GO) scripts/bench-sync.sh

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

build:
	$(GO) build -o bin/pvdesk ./cmd/pvdesk

fmt:
	gofmt -w $$(git ls-files '*.go')

# The classifier on the labelled dev corpus, then 5-fold cross-validation of
# the learned layer (trained on the other folds as if staff had confirmed them).
eval:
	$(GO) run ./cmd/pvdesk-eval -k 5 ../shared/corpus/dev
