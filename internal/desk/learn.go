package desk

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/magnetharstad/pvdesk/internal/classify"
	"github.com/magnetharstad/pvdesk/internal/classify/learned"
)

// learner holds the learned layer of the classifier: trained from the
// staff-confirmed cases when first needed, and again after each
// correction, so the next similar message follows what staff said.
type learner struct {
	mu    sync.RWMutex
	model *learned.Model
	// trained is set once a training has succeeded. Until then each
	// classification tries again: a first attempt that failed (the file
	// busy at start) must not leave the desk without what staff taught it
	// until the next confirmation.
	trained atomic.Bool
	// train makes retrains take turns: two overlapping ones (the first
	// classification's and a confirmation's) could otherwise finish out
	// of order and install the model that misses the newest confirmation.
	train sync.Mutex
}

// modelText is what the learned layer reads of a message: the same for
// training and for prediction.
func modelText(subject, body string) string { return subject + "\n" + body }

// Retrain rebuilds the learned layer from every staff-confirmed case.
func (d *Desk) Retrain(ctx context.Context) error {
	d.learn.train.Lock()
	defer d.learn.train.Unlock()
	return d.retrainLocked(ctx)
}

// ensureTrained trains the learned layer unless a training has succeeded.
func (d *Desk) ensureTrained(ctx context.Context) {
	if d.learn.trained.Load() {
		return
	}
	d.learn.train.Lock()
	defer d.learn.train.Unlock()
	if !d.learn.trained.Load() {
		_ = d.retrainLocked(ctx) // classification goes on with the rules alone
	}
}

// retrainLocked is Retrain with d.learn.train held.
func (d *Desk) retrainLocked(ctx context.Context) error {
	cases, err := d.st.ConfirmedCases(ctx)
	if err != nil {
		return err
	}
	ex := make([]learned.Example, len(cases))
	for i, c := range cases {
		ex[i] = learned.Example{Ref: c.Ref, Text: modelText(c.Subject, c.Text), Rights: c.Rights}
	}
	m := learned.Train(ex)
	d.learn.mu.Lock()
	d.learn.model = m
	d.learn.mu.Unlock()
	d.learn.trained.Store(true)
	return nil
}

// classify runs the rules and the learned layer over a message.
func (d *Desk) classify(in classify.Input) classify.Result {
	res := d.opts.Classify(in)
	d.ensureTrained(context.Background())
	d.learn.mu.RLock()
	m := d.learn.model
	d.learn.mu.RUnlock()
	if m.Size() == 0 {
		return res
	}
	return m.Combine(modelText(in.Subject, in.Body), res)
}

// LearnedSize is how many confirmed cases the learned layer was trained on.
func (d *Desk) LearnedSize() int {
	d.learn.mu.RLock()
	defer d.learn.mu.RUnlock()
	return d.learn.model.Size()
}
