<?php

declare(strict_types=1);

namespace Demo;

use TrueAsync\Temporal\Workflow;
use TrueAsync\Temporal\Workflow\ActivityOptions;
use TrueAsync\Temporal\Workflow\QueryMethod;
use TrueAsync\Temporal\Workflow\SignalMethod;
use TrueAsync\Temporal\Workflow\WorkflowInterface;
use TrueAsync\Temporal\Workflow\WorkflowMethod;

/** Reserve stock, cool off, wait for approval (or time out), charge: plain PHP, replayed by Temporal. */
#[WorkflowInterface]
final class OrderWorkflow
{
    private const COOL_OFF_S = 2;
    private const APPROVAL_TIMEOUT_S = 30;

    private string $status = 'received';
    private ?string $approvedBy = null;

    #[WorkflowMethod(name: 'OrderWorkflow')]
    public function run(array $order): array
    {
        /** @var OrderActivities $activities */
        $activities = Workflow::newActivityStub(
            OrderActivities::class,
            ActivityOptions::new()->withStartToCloseTimeout(10),
        );
        $total = round(array_sum(array_map(fn (array $i) => $i['qty'] * $i['price'], $order['items'])), 2);

        $this->status = 'reserving';
        $reservation = $activities->reserveInventory($order);

        $this->status = 'reserved';
        Workflow::sleep(self::COOL_OFF_S);

        $this->status = 'awaiting_approval';
        if (!Workflow::await(fn (): bool => $this->approvedBy !== null, self::APPROVAL_TIMEOUT_S)) {
            $this->approvedBy = 'timeout';  // nobody approved in time: the demo approves rather than hang
        }

        $this->status = 'charging';
        $payment = $activities->chargePayment($order['id'], $total);

        $this->status = 'completed';
        return [
            'order_id' => $order['id'],
            'total' => $total,
            'status' => $this->status,
            'approved_by' => $this->approvedBy,
            'reservation_id' => $reservation['reservation_id'],
            'payment_id' => $payment['payment_id'],
        ];
    }

    #[SignalMethod(name: 'approve')]
    public function approve(string $approver = 'signal'): void
    {
        $this->approvedBy ??= $approver;
    }

    #[QueryMethod(name: 'status')]
    public function status(): string
    {
        return $this->status;
    }
}
