import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("dealer_aftersales_menu_tour", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-Sales app",
            trigger: ".o_app[data-menu-xmlid='dealer_service.dealer_aftersales_menu_root']",
            run: "click",
        },
        {
            content: "The repair orders are listed",
            trigger: ".o_breadcrumb:contains('Repair Orders')",
        },
        {
            content: "The Service menu is in the top bar",
            trigger: ".o_menu_sections [data-menu-xmlid='dealer_service.dealer_service_menu']",
        },
    ],
});
