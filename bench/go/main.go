// The Go SDK peer of the benchmarks: one process serving the no-op activity "noop" and the blocking scenario's
// "block" on a task queue until SIGTERM/SIGINT, then stopping gracefully. With -one-activity it also hosts
// BenchOneActivity, a workflow that runs "noop" once on the same task queue (start-to-close 10 s, one
// attempt): the drain and latency scenarios' peer.
//
//	bench-go-worker -address 127.0.0.1:7233 -task-queue Q [-max-activities 100] [-pollers 5]
//	    [-one-activity [-max-workflow-tasks 100] [-workflow-pollers 5] [-max-cached-workflows 1000]]
//
// Prints "worker ready" on stdout once polling has started.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

func noop(ctx context.Context) error { return nil }

// block sleeps its argument in milliseconds (standing for a blocking call) and returns when its code started
// running, Unix time in microseconds: the blocking scenario's activity.
func block(ctx context.Context, milliseconds int) (int64, error) {
	started := time.Now().UnixMicro()
	time.Sleep(time.Duration(milliseconds) * time.Millisecond)
	return started, nil
}

func benchOneActivity(ctx workflow.Context) error {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1}, // a failed activity fails the run
	})
	return workflow.ExecuteActivity(ctx, "noop").Get(ctx, nil)
}

func main() {
	address := flag.String("address", os.Getenv("TEMPORAL_ADDRESS"), "server host:port")
	namespace := flag.String("namespace", "default", "namespace")
	taskQueue := flag.String("task-queue", "", "activity task queue")
	maxActivities := flag.Int("max-activities", 100, "max concurrent activity executions")
	pollers := flag.Int("pollers", 5, "max concurrent activity task pollers")
	oneActivity := flag.Bool("one-activity", false, "also host the BenchOneActivity workflow")
	maxWorkflowTasks := flag.Int("max-workflow-tasks", 100, "max concurrent workflow task executions")
	workflowPollers := flag.Int("workflow-pollers", 5, "max concurrent workflow task pollers")
	maxCached := flag.Int("max-cached-workflows", 1000, "sticky workflow cache size")
	flag.Parse()
	if *address == "" || *taskQueue == "" {
		log.Fatal("-address and -task-queue are required")
	}

	c, err := client.Dial(client.Options{
		HostPort:  *address,
		Namespace: *namespace,
		Logger:    tlog.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))),
	})
	if err != nil {
		log.Fatalf("dial: %v", err)
	}
	defer c.Close()

	options := worker.Options{
		MaxConcurrentActivityExecutionSize: *maxActivities,
		MaxConcurrentActivityTaskPollers:   *pollers,
	}
	if *oneActivity {
		worker.SetStickyWorkflowCacheSize(*maxCached)
		options.MaxConcurrentWorkflowTaskExecutionSize = *maxWorkflowTasks
		options.MaxConcurrentWorkflowTaskPollers = *workflowPollers
	}
	w := worker.New(c, *taskQueue, options)
	w.RegisterActivityWithOptions(noop, activity.RegisterOptions{Name: "noop"})
	w.RegisterActivityWithOptions(block, activity.RegisterOptions{Name: "block"})
	if *oneActivity {
		w.RegisterWorkflowWithOptions(benchOneActivity, workflow.RegisterOptions{Name: "BenchOneActivity"})
	}
	if err := w.Start(); err != nil {
		log.Fatalf("start: %v", err)
	}
	fmt.Println("worker ready")
	<-worker.InterruptCh()
	w.Stop()
	fmt.Println("worker stopped")
}
