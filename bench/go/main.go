// The Go SDK peer of the activities benchmark: one process serving the no-op activity "noop" on a task
// queue until SIGTERM/SIGINT, then stopping gracefully.
//
//	bench-go-worker -address 127.0.0.1:7233 -task-queue Q [-max-activities 100] [-pollers 5]
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

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
)

func noop(ctx context.Context) error { return nil }

func main() {
	address := flag.String("address", os.Getenv("TEMPORAL_ADDRESS"), "server host:port")
	namespace := flag.String("namespace", "default", "namespace")
	taskQueue := flag.String("task-queue", "", "activity task queue")
	maxActivities := flag.Int("max-activities", 100, "max concurrent activity executions")
	pollers := flag.Int("pollers", 5, "max concurrent activity task pollers")
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

	w := worker.New(c, *taskQueue, worker.Options{
		MaxConcurrentActivityExecutionSize: *maxActivities,
		MaxConcurrentActivityTaskPollers:   *pollers,
	})
	w.RegisterActivityWithOptions(noop, activity.RegisterOptions{Name: "noop"})
	if err := w.Start(); err != nil {
		log.Fatalf("start: %v", err)
	}
	fmt.Println("worker ready")
	<-worker.InterruptCh()
	w.Stop()
	fmt.Println("worker stopped")
}
