<?php

declare(strict_types=1);

namespace Demo;

use TrueAsync\Temporal\Activity\ActivityInterface;
use TrueAsync\Temporal\Activity\ActivityMethod;

#[ActivityInterface]
class OrderActivities
{
    #[ActivityMethod(name: 'ReserveInventory')]
    public function reserveInventory(array $order): array
    {
        $units = array_sum(array_column($order['items'], 'qty'));
        return ['reservation_id' => "res-{$order['id']}", 'units' => $units];
    }

    #[ActivityMethod(name: 'ChargePayment')]
    public function chargePayment(string $orderId, float $amount): array
    {
        return ['payment_id' => "pay-$orderId", 'amount' => $amount];
    }
}
